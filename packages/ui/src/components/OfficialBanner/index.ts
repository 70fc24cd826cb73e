export { OfficialBanner, type OfficialBannerProps } from './OfficialBanner.js';
