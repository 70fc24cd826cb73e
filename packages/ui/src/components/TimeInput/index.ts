export { TimeInput, type TimeInputProps, type TimeParts, toIsoTime } from './TimeInput.js';
