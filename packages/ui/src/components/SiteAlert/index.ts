export { SiteAlert, type SiteAlertProps } from './SiteAlert.js';
