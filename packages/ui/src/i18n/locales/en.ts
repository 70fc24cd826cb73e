import type { Catalogue } from '../catalogue.types.js';
import { mergeMessages } from '../mergeMessages.js';

// The English strings, one group per component (or shared concern), so a component's bundle
// carries only the strings it shows: a component reads its group through `useStrings`, and
// nothing on a component's path imports the whole catalogue unless it uses `useI18n` itself.

/** SkipLink. */
export const enSkipLink = {
  skipToMain: 'Skip to main content',
} as const;

/** OfficialBanner. */
export const enOfficialBanner = {
  officialBannerToggle: "Here's how you know",
  officialBannerDomain: 'Official websites use {domain}',
  officialBannerDomainBody:
    'A .gov website belongs to an official government organization in the United States.',
  officialBannerHttps: 'Secure .gov websites use HTTPS',
  officialBannerHttpsBody:
    'A lock or https:// means you have safely connected to the .gov website. Only share sensitive information on official, secure websites.',
} as const;

/** A translated label before its value ("Warning: …"): French puts a narrow no-break space before the colon, Chinese a full-width colon. */
export const enLabel = {
  labelPrefix: '{label}: ',
} as const;

/**
 * Punctuation around words only a screen reader hears beside visible text: an aside after a
 * step or a card's link ("Location (completed)"), a pause between a column name and its sort
 * order, a sentence break before a hint. Chinese writes full-width marks, Arabic its own comma.
 */
export const enPunctuation = {
  aside: ' ({text})',
  listSeparator: ', ',
  sentenceBreak: '. ',
} as const;

/** Button, Spinner and DataTable while loading. */
export const enLoading = {
  loading: 'Loading',
} as const;

/** Dialog. */
export const enDialog = {
  close: 'Close',
} as const;

/** ConfirmDialog. */
export const enConfirmDialog = {
  cancel: 'Cancel',
  confirm: 'Confirm',
} as const;

/** Pagination and the DataTable's pages. */
export const enPagination = {
  pageOf: 'Page {page} of {total}',
  pagination: 'Pagination',
  previous: 'Previous',
  next: 'Next',
  goToPage: 'Page {page}',
} as const;

/** Breadcrumbs. */
export const enBreadcrumbs = {
  breadcrumbs: 'Breadcrumb',
} as const;

/** Every form field's label, hint and error (internal/Field). */
export const enField = {
  required: 'required',
  optional: 'optional',
  errorPrefix: 'Error:',
} as const;

/** CharacterCount. */
export const enCharacterCount = {
  charactersRemaining: {
    one: '{count} character remaining',
    other: '{count} characters remaining',
  },
  charactersTooMany: { one: '{count} character too many', other: '{count} characters too many' },
} as const;

/** ErrorSummary. */
export const enErrorSummary = {
  errorSummaryTitle: 'There is a problem',
} as const;

/** DateInput. */
export const enDateInput = {
  day: 'Day',
  month: 'Month',
  year: 'Year',
} as const;

/** FileUpload. */
export const enFileUpload = {
  chooseFile: 'Choose file',
  noFileChosen: 'No file chosen',
  filesChosen: { one: '{count} file chosen', other: '{count} files chosen' },
  removeFile: 'Remove {name}',
} as const;

/** Combobox and DataTable when nothing matches. */
export const enNoResults = {
  noResults: 'No results',
  noResultsFor: 'No results for “{query}”',
} as const;

/** RedactedValue and the DataTable's redacted columns. */
export const enRedacted = {
  redacted: 'Redacted',
  redactedDescription: 'Hidden: your access level does not allow you to see this {field}',
} as const;

/** ClassificationBadge. */
export const enClassification = {
  classification: 'Classification',
  classificationPublic: 'Public',
  classificationInternal: 'Internal',
  classificationConfidential: 'Confidential',
  classificationRestricted: 'Restricted',
} as const;

/** StepIndicator. */
export const enStepIndicator = {
  stepOf: 'Step {step} of {total}',
  completed: 'completed',
  current: 'current',
  notStarted: 'not started',
} as const;

/** ProgressBar. */
export const enProgressBar = {
  progress: '{percent}% complete',
} as const;

/** SiteHeader's user slot. */
export const enSiteHeader = {
  signedInAs: 'Signed in as {name}',
} as const;

/** SideNav and the main navigation. */
export const enNavigation = {
  mainNavigation: 'Main',
  sectionNavigation: 'Section',
} as const;

/** SiteAlert. */
export const enSiteAlert = {
  siteAlert: 'Site alert',
  dismiss: 'Dismiss',
} as const;

/** Disclosure. */
export const enDisclosure = {
  showDetails: 'Show',
  hideDetails: 'Hide',
} as const;

/** DatePicker. */
export const enDatePicker = {
  openCalendar: 'Open calendar',
} as const;

/** UseSchemaForm. */
export const enSchemaForm = {
  fieldRequired: '{label} is required',
} as const;

/** Alert (and NotificationBanner's success title). */
export const enAlert = {
  alertInfo: 'Information',
  alertSuccess: 'Success',
  alertWarning: 'Warning',
  alertError: 'Error',
} as const;

/** PasswordInput. */
export const enPasswordInput = {
  showPassword: 'Show',
  hidePassword: 'Hide',
  passwordShown: 'Your password is visible',
  passwordHidden: 'Your password is hidden',
} as const;

/** BackLink. */
export const enBackLink = {
  back: 'Back',
} as const;

/** NotificationBanner. */
export const enNotificationBanner = {
  important: 'Important',
} as const;

/** WarningText. */
export const enWarningText = {
  warningPrefix: 'Warning',
} as const;

/** ServiceNavigation. */
export const enServiceNavigation = {
  menu: 'Menu',
  serviceNavigation: 'Service',
} as const;

/** Search. */
export const enSearch = {
  search: 'Search',
} as const;

/** LanguageSelector. */
export const enLanguageSelector = {
  language: 'Language',
} as const;

/** ExitThisPage. */
export const enExitThisPage = {
  exitThisPage: 'Exit this page',
  exitThisPageHint: 'Or press Shift three times',
  exitingPage: 'Loading.',
} as const;

/** InPageNavigation. */
export const enInPageNavigation = {
  contents: 'Contents',
} as const;

/** Toggletip. */
export const enToggletip = {
  moreInformation: 'More information',
} as const;

/** TimeInput. */
export const enTimeInput = {
  hours: 'Hours',
  minutes: 'Minutes',
} as const;

/** DateRange. */
export const enDateRange = {
  startDate: 'Start date',
  endDate: 'End date',
  dateRangeOrder: 'The end date must be on or after the start date',
} as const;

/** CookieBanner. */
export const enCookieBanner = {
  acceptCookies: 'Accept additional cookies',
  rejectCookies: 'Reject additional cookies',
  viewCookies: 'View cookies',
  cookiesAccepted: 'You have accepted additional cookies.',
  cookiesRejected: 'You have rejected additional cookies.',
  hideCookieMessage: 'Hide cookie message',
} as const;

/** TaskList. */
export const enTaskList = {
  taskStatusCompleted: 'Completed',
  taskStatusIncomplete: 'Incomplete',
  taskStatusNotStarted: 'Not yet started',
  taskStatusCannotStart: 'Cannot start yet',
  taskStatusInProgress: 'In progress',
} as const;

/** PhaseBanner. */
export const enPhaseBanner = {
  phaseBeta: 'Beta',
  phaseAlpha: 'Alpha',
} as const;

/** DataTable (keys without the prefix are its `messages` prop). */
export const enTable = {
  'table.search': 'Search',
  'table.filterColumn': 'Filter by {column}',
  'table.filters': 'Filters',
  'table.sortedBy': 'Sorted by {order}',
  'table.sortAscending': '{column} ascending',
  'table.sortDescending': '{column} descending',
  'table.sortThen': ', then ',
  'table.sortCleared': 'Sorting removed',
  'table.sortHint': 'Sort',
  'table.resultCount': { one: '{count} result', other: '{count} results' },
  'table.selectRow': 'Select {row}',
  'table.selectAll': { one: 'Select {count} row', other: 'Select all {count} rows' },
  'table.selectedCount': { one: '{count} selected', other: '{count} selected' },
  'table.clearSelection': 'Clear selection',
  'table.batchActions': 'Actions for selected rows',
  'table.columns': 'Columns',
  'table.density': 'Row density',
  'table.densityComfortable': 'Comfortable',
  'table.densityCompact': 'Compact',
  'table.exportCsv': 'Download CSV',
  'table.rowsPerPage': 'Rows per page',
  'table.loadingRows': 'Loading rows',
  'table.errorTitle': 'The data could not be loaded',
  'table.row': 'Row {index}',
  'table.openRow': 'Open {row}',
  'table.gridHelp':
    'Arrow keys move between cells. Enter opens a row. Space selects a row. Shift with Enter on a column header adds it to the sort.',
} as const;

/** Auth-client's IdleTimeoutDialog (an app passes `useI18n().t` to it). */
export const enSession = {
  'session.idleTitle': 'Are you still there?',
  'session.idleWarningMinutes': {
    one: 'For your security, you will be signed out in about {count} minute because of inactivity.',
    other:
      'For your security, you will be signed out in about {count} minutes because of inactivity.',
  },
  'session.idleWarningSeconds': {
    one: 'For your security, you will be signed out in {count} second because of inactivity.',
    other: 'For your security, you will be signed out in {count} seconds because of inactivity.',
  },
  'session.idleWarningMoment':
    'For your security, you will be signed out in a moment because of inactivity.',
  'session.staySignedIn': 'Stay signed in',
  'session.signOutNow': 'Sign out now',
} as const;

/** Auth-client's development identity provider (read through `@cityofboston/ui/i18n`). */
export const enDevIdp = {
  'idp.signInTitle': 'Sign in: {municipality} development identity provider',
  'idp.signInHeading': 'Sign in to {client}',
  'idp.signInNote':
    'This is the development identity provider. Every person below is synthetic; choose one to sign in as. No password is needed.',
  'idp.personasLabel': 'Synthetic personas',
  'idp.signInAs': 'Sign in as {name}',
  'idp.personaSummary': '{title}. Department {department}, clearance {clearance}, roles {roles}.',
  'idp.personaNoRoles': 'none',
  'idp.personaAccountEnds': 'The account ends on {date}.',
  'idp.signOutTitle': 'Sign out: {municipality} development identity provider',
  'idp.signOutHeading': 'Sign out of the development identity provider?',
  'idp.signOutYes': 'Yes, sign me out',
  'idp.signOutNo': 'No, stay signed in',
  'idp.signedOutTitle': 'Signed out: {municipality} development identity provider',
  'idp.signedOutHeading': 'You are signed out',
  'idp.signedOutBody': 'You can close this window.',
  'idp.errorTitle': 'Sign-in error',
  'idp.errorUnknownInteraction':
    'This sign-in request is unknown or has expired. Go back to the application and sign in again.',
  'idp.errorUnknownPersona': 'There is no such persona. Go back and choose one from the list.',
  'idp.errorUnsupportedPrompt':
    'The development identity provider cannot answer this request (prompt {prompt}).',
} as const;

/**
 * English: the reference catalogue. Every other language is checked against these keys, their
 * placeholders and their plural messages. Plural messages are objects with one text per CLDR
 * plural category (`one`, `other` in English); `{count}` is the number, formatted for the locale.
 * Keys starting with `table.` are the DataTable's; `session.` keys are the idle-timeout warning
 * that auth-client's `IdleTimeoutDialog` shows (an app passes `useI18n().t` to it); `idp.` keys are
 * the pages of auth-client's development identity provider (read through `@cityofboston/ui/i18n`).
 */
export const en = /* @__PURE__ */ mergeMessages(
  enSkipLink,
  enOfficialBanner,
  enLabel,
  enPunctuation,
  enLoading,
  enDialog,
  enConfirmDialog,
  enPagination,
  enBreadcrumbs,
  enField,
  enCharacterCount,
  enErrorSummary,
  enDateInput,
  enFileUpload,
  enNoResults,
  enRedacted,
  enClassification,
  enStepIndicator,
  enProgressBar,
  enSiteHeader,
  enNavigation,
  enSiteAlert,
  enDisclosure,
  enDatePicker,
  enSchemaForm,
  enAlert,
  enPasswordInput,
  enBackLink,
  enNotificationBanner,
  enWarningText,
  enServiceNavigation,
  enSearch,
  enLanguageSelector,
  enExitThisPage,
  enInPageNavigation,
  enToggletip,
  enTimeInput,
  enDateRange,
  enCookieBanner,
  enTaskList,
  enPhaseBanner,
  enTable,
  enSession,
  enDevIdp,
);

/** The English catalogue: the source text, which every other language is checked against. */
export const enCatalogue = {
  locale: 'en',
  endonym: 'English',
  englishName: 'English',
  dir: 'ltr',
  review: { state: 'source' },
  messages: en,
} as const satisfies Catalogue;
