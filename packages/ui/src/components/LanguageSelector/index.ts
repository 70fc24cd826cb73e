export {
  type LanguageOption,
  LanguageSelector,
  type LanguageSelectorProps,
} from './LanguageSelector.js';
