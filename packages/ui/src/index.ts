// The public API of @cityofboston/ui. Each component module keeps its own 'use client'
// directive (the build is unbundled), so importing from here stays server-component safe.
export { Button, type ButtonProps, type ButtonVariant } from './components/Button/index.js';
export { IconButton, type IconButtonProps } from './components/IconButton/index.js';
export { Link, type LinkProps } from './components/Link/index.js';
export { OfficialBanner, type OfficialBannerProps } from './components/OfficialBanner/index.js';
export { PageLayout, type PageLayoutProps } from './components/PageLayout/index.js';
export {
  type FooterLink,
  SiteFooter,
  type SiteFooterProps,
} from './components/SiteFooter/index.js';
export { SiteHeader, type SiteHeaderProps } from './components/SiteHeader/index.js';
export { SkipLink, type SkipLinkProps } from './components/SkipLink/index.js';
export { Spinner, type SpinnerProps } from './components/Spinner/index.js';
export { UI_ERROR_CODES, UiError, type UiErrorCode } from './errors.js';
export {
  I18nProvider,
  type I18nProviderProps,
  type I18nValue,
  useI18n,
} from './i18n/I18nProvider.js';
export {
  ar,
  BUILT_IN_MESSAGES,
  en,
  es,
  formatMessage,
  getTextDirection,
  type MessageKey,
  type Messages,
  resolveMessages,
} from './i18n/messages.js';
