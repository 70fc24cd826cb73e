export {
  ServiceNavigation,
  type ServiceNavigationItem,
  type ServiceNavigationProps,
} from './ServiceNavigation.js';
