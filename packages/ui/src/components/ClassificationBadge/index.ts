export {
  ClassificationBadge,
  type ClassificationBadgeProps,
  type ClassificationLevel,
} from './ClassificationBadge.js';
