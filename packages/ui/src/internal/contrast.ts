// The contrast helper is public now (theme/contrast.ts); kept here for internal imports.
export { contrastRatio, relativeLuminance } from '../theme/contrast.js';
