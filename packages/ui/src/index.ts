// The public API of @cityofboston/ui. Each component module keeps its own 'use client'
// directive (the build is unbundled), so importing from here stays server-component safe.
export {
  Accordion,
  type AccordionItem,
  type AccordionProps,
} from './components/Accordion/index.js';
export { Alert, type AlertProps, type AlertVariant } from './components/Alert/index.js';
export { BackLink, type BackLinkProps } from './components/BackLink/index.js';
export {
  type Breadcrumb,
  Breadcrumbs,
  type BreadcrumbsProps,
} from './components/Breadcrumbs/index.js';
export { Button, type ButtonProps, type ButtonVariant } from './components/Button/index.js';
export { Card, type CardProps } from './components/Card/index.js';
export {
  CharacterCount,
  type CharacterCountProps,
} from './components/CharacterCount/index.js';
export { Checkbox, type CheckboxProps } from './components/Checkbox/index.js';
export { CheckboxGroup, type CheckboxGroupProps } from './components/CheckboxGroup/index.js';
export {
  ClassificationBadge,
  type ClassificationBadgeProps,
} from './components/ClassificationBadge/index.js';
export { Combobox, type ComboboxOption, type ComboboxProps } from './components/Combobox/index.js';
export { ConfirmDialog, type ConfirmDialogProps } from './components/ConfirmDialog/index.js';
export { CookieBanner, type CookieBannerProps } from './components/CookieBanner/index.js';
export {
  DateInput,
  type DateInputProps,
  type DateParts,
  toIsoDate,
} from './components/DateInput/index.js';
export { DatePicker, type DatePickerProps } from './components/DatePicker/index.js';
export {
  DateRange,
  type DateRangeProps,
  type DateRangeValue,
} from './components/DateRange/index.js';
export { Dialog, type DialogProps } from './components/Dialog/index.js';
export { Disclosure, type DisclosureProps } from './components/Disclosure/index.js';
export { EmptyState, type EmptyStateProps } from './components/EmptyState/index.js';
export {
  ErrorSummary,
  type ErrorSummaryItem,
  type ErrorSummaryProps,
} from './components/ErrorSummary/index.js';
export {
  EXIT_SHIFT_WINDOW_MS,
  ExitThisPage,
  type ExitThisPageProps,
} from './components/ExitThisPage/index.js';
export { Fieldset, type FieldsetProps } from './components/Fieldset/index.js';
export { FileUpload, type FileUploadProps } from './components/FileUpload/index.js';
export { Grid, type GridProps } from './components/Grid/index.js';
export { Heading, type HeadingProps, type HeadingSize } from './components/Heading/index.js';
export { IconButton, type IconButtonProps } from './components/IconButton/index.js';
export {
  InPageNavigation,
  type InPageNavigationItem,
  type InPageNavigationProps,
} from './components/InPageNavigation/index.js';
export { InsetText, type InsetTextProps } from './components/InsetText/index.js';
export {
  type LanguageOption,
  LanguageSelector,
  type LanguageSelectorProps,
} from './components/LanguageSelector/index.js';
export { Link, type LinkProps } from './components/Link/index.js';
export {
  NotificationBanner,
  type NotificationBannerProps,
} from './components/NotificationBanner/index.js';
export { OfficialBanner, type OfficialBannerProps } from './components/OfficialBanner/index.js';
export { PageLayout, type PageLayoutProps } from './components/PageLayout/index.js';
export { Pagination, type PaginationProps, pageWindow } from './components/Pagination/index.js';
export { Panel, type PanelProps } from './components/Panel/index.js';
export { PasswordInput, type PasswordInputProps } from './components/PasswordInput/index.js';
export { PhaseBanner, type PhaseBannerProps } from './components/PhaseBanner/index.js';
export { ProgressBar, type ProgressBarProps } from './components/ProgressBar/index.js';
export { Prose, type ProseProps } from './components/Prose/index.js';
export { RadioGroup, type RadioGroupProps } from './components/RadioGroup/index.js';
export { RedactedValue, type RedactedValueProps } from './components/RedactedValue/index.js';
export { Search, type SearchProps } from './components/Search/index.js';
export { Select, type SelectOption, type SelectProps } from './components/Select/index.js';
export {
  ServiceNavigation,
  type ServiceNavigationItem,
  type ServiceNavigationProps,
} from './components/ServiceNavigation/index.js';
export { SideNav, type SideNavItem, type SideNavProps } from './components/SideNav/index.js';
export { SiteAlert, type SiteAlertProps } from './components/SiteAlert/index.js';
export {
  type FooterLink,
  SiteFooter,
  type SiteFooterProps,
} from './components/SiteFooter/index.js';
export { SiteHeader, type SiteHeaderProps } from './components/SiteHeader/index.js';
export { SkipLink, type SkipLinkProps } from './components/SkipLink/index.js';
export { Spinner, type SpinnerProps } from './components/Spinner/index.js';
export { Stack, type StackGap, type StackProps } from './components/Stack/index.js';
export { StepIndicator, type StepIndicatorProps } from './components/StepIndicator/index.js';
export {
  SummaryCard,
  type SummaryCardAction,
  type SummaryCardProps,
} from './components/SummaryCard/index.js';
export {
  SummaryList,
  type SummaryListProps,
  type SummaryListRow,
} from './components/SummaryList/index.js';
export { Table, type TableColumn, type TableProps } from './components/Table/index.js';
export { type TabItem, Tabs, type TabsProps } from './components/Tabs/index.js';
export { Tag, type TagProps, type TagVariant } from './components/Tag/index.js';
export {
  TaskList,
  type TaskListItem,
  type TaskListProps,
  type TaskStatus,
} from './components/TaskList/index.js';
export { TextArea, type TextAreaProps } from './components/TextArea/index.js';
export {
  type FieldWidth,
  TextField,
  type TextFieldProps,
} from './components/TextField/index.js';
export {
  TimeInput,
  type TimeInputProps,
  type TimeParts,
  toIsoTime,
} from './components/TimeInput/index.js';
export { Toggletip, type ToggletipProps } from './components/Toggletip/index.js';
export { WarningText, type WarningTextProps } from './components/WarningText/index.js';
export {
  type ColumnsFromSchemaOptions,
  type CsvColumn,
  columnsFromSchema,
  DATA_TABLE_FORMATS,
  DATA_TABLE_MESSAGES,
  DataTable,
  type DataTableBatchAction,
  type DataTableColumn,
  type DataTableColumnFilter,
  type DataTableDensity,
  type DataTableExportEvent,
  type DataTableFormatName,
  type DataTableMessageKey,
  type DataTableMessages,
  type DataTablePagination,
  type DataTableProps,
  type DataTableSort,
  dataTableEn,
  dataTableEs,
  formatCell,
  resolveDataTableMessages,
  type ToCsvOptions,
  toCsv,
} from './DataTable/index.js';
export { UI_ERROR_CODES, UiError, type UiErrorCode } from './errors.js';
export { describeSchema, type SchemaField, valuesFromFormData } from './forms/schemaFields.js';
export {
  type SchemaFieldProps,
  type SchemaForm,
  type UseSchemaFormOptions,
  useSchemaForm,
} from './forms/useSchemaForm.js';
export { type Politeness, useAnnounce } from './hooks/useAnnounce.js';
export { isolateValue, stripBidiIsolates } from './i18n/bidi.js';
export type {
  Catalogue,
  Message,
  MessageKey,
  Messages,
  PluralCategory,
  PluralMessage,
} from './i18n/catalogue.types.js';
export { CATALOGUES } from './i18n/catalogues.js';
export {
  CATALOGUE_ISSUE_CODES,
  type CatalogueIssue,
  type CatalogueIssueCode,
  checkCatalogue,
} from './i18n/checkCatalogue.js';
export { type I18nValue, useI18n } from './i18n/context.js';
export { FORMAT_FALLBACKS, formatLocaleFor } from './i18n/formatLocale.js';
export { I18nProvider, type I18nProviderProps } from './i18n/I18nProvider.js';
export { LOCALE_TAGS, type LocaleTag, matchLocale, resolveLocale } from './i18n/localeTags.js';
export {
  BUILT_IN_MESSAGES,
  en,
  formatMessage,
  getTextDirection,
  resolveMessages,
} from './i18n/messages.js';
export { PENDING_TRANSLATIONS } from './i18n/pending.js';
export { PLURALS_WITHOUT_CLDR_RULES, pluralCategories, selectPlural } from './i18n/plural.js';
export {
  describeReview,
  MACHINE_DRAFTED,
  type ReviewState,
  type ReviewStatus,
} from './i18n/review.js';
export {
  createTranslator,
  type MessageValues,
  type RenderContext,
  renderMessage,
  type Translator,
} from './i18n/translate.js';
export { translatorFor } from './i18n/translatorFor.js';
export type { ChoiceOption } from './internal/ChoiceGroup.js';
export type { FieldBaseProps } from './internal/Field.js';
export { BOSTON } from './municipality/bostonMunicipality.js';
export { type MunicipalityValue, useMunicipality } from './municipality/context.js';
export {
  MunicipalityProvider,
  type MunicipalityProviderProps,
} from './municipality/MunicipalityProvider.js';
export type {
  MunicipalityConfig,
  MunicipalityData,
  MunicipalityStrings,
} from './municipality/municipality.types.js';
export {
  checkTheme,
  defineTheme,
  type PairingResult,
  type ThemeCheck,
  themeStyle,
} from './theme/checkTheme.js';
export { contrastRatio, relativeLuminance } from './theme/contrast.js';
export { THEME_PAIRINGS, type ThemePairing } from './theme/pairings.js';
export {
  BOSTON_THEME,
  THEME_COLOR_TOKENS,
  type ThemeColors,
  type ThemeColorToken,
} from './theme/themeColors.js';
