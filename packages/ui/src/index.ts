// The public API of @cityofboston/ui. Each component module keeps its own 'use client'
// directive (the build is unbundled), so importing from here stays server-component safe.
export { Alert, type AlertProps, type AlertVariant } from './components/Alert/index.js';
export { Button, type ButtonProps, type ButtonVariant } from './components/Button/index.js';
export { Checkbox, type CheckboxProps } from './components/Checkbox/index.js';
export { CheckboxGroup, type CheckboxGroupProps } from './components/CheckboxGroup/index.js';
export { ConfirmDialog, type ConfirmDialogProps } from './components/ConfirmDialog/index.js';
export { Dialog, type DialogProps } from './components/Dialog/index.js';
export {
  ErrorSummary,
  type ErrorSummaryItem,
  type ErrorSummaryProps,
} from './components/ErrorSummary/index.js';
export { Fieldset, type FieldsetProps } from './components/Fieldset/index.js';
export { IconButton, type IconButtonProps } from './components/IconButton/index.js';
export { Link, type LinkProps } from './components/Link/index.js';
export { OfficialBanner, type OfficialBannerProps } from './components/OfficialBanner/index.js';
export { PageLayout, type PageLayoutProps } from './components/PageLayout/index.js';
export { RadioGroup, type RadioGroupProps } from './components/RadioGroup/index.js';
export { Select, type SelectOption, type SelectProps } from './components/Select/index.js';
export {
  type FooterLink,
  SiteFooter,
  type SiteFooterProps,
} from './components/SiteFooter/index.js';
export { SiteHeader, type SiteHeaderProps } from './components/SiteHeader/index.js';
export { SkipLink, type SkipLinkProps } from './components/SkipLink/index.js';
export { Spinner, type SpinnerProps } from './components/Spinner/index.js';
export { TextArea, type TextAreaProps } from './components/TextArea/index.js';
export { TextField, type TextFieldProps } from './components/TextField/index.js';
export { UI_ERROR_CODES, UiError, type UiErrorCode } from './errors.js';
export { type Politeness, useAnnounce } from './hooks/useAnnounce.js';
export { type I18nValue, useI18n } from './i18n/context.js';
export { I18nProvider, type I18nProviderProps } from './i18n/I18nProvider.js';
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
export type { ChoiceOption } from './internal/ChoiceGroup.js';
export type { FieldBaseProps } from './internal/Field.js';
