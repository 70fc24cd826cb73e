export { DateRange, type DateRangeProps, type DateRangeValue } from './DateRange.js';
