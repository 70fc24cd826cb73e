export { CharacterCount, type CharacterCountProps } from './CharacterCount.js';
