export { DateInput, type DateInputProps, type DateParts, toIsoDate } from './DateInput.js';
