export { RedactedValue, type RedactedValueProps } from './RedactedValue.js';
