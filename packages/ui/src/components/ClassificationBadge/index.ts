export { ClassificationBadge, type ClassificationBadgeProps } from './ClassificationBadge.js';
