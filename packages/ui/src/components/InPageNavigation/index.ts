export {
  InPageNavigation,
  type InPageNavigationItem,
  type InPageNavigationProps,
} from './InPageNavigation.js';
