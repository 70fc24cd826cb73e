export { PhaseBanner, type PhaseBannerProps } from './PhaseBanner.js';
