export { WarningText, type WarningTextProps } from './WarningText.js';
