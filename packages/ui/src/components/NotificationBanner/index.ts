export { NotificationBanner, type NotificationBannerProps } from './NotificationBanner.js';
