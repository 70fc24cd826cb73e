import type { Catalogue } from '../catalogue.types.js';

/**
 * English: the reference catalogue. Every other language is checked against these keys, their
 * placeholders and their plural messages. Plural messages are objects with one text per CLDR
 * plural category (`one`, `other` in English); `{count}` is the number, formatted for the locale.
 * Keys starting with `table.` are the DataTable's; `session.` keys are the idle-timeout warning
 * that auth-client's `IdleTimeoutDialog` shows (an app passes `useI18n().t` to it).
 */
export const en = {
  skipToMain: 'Skip to main content',
  officialBannerToggle: "Here's how you know",
  officialBannerDomain: 'Official websites use {domain}',
  officialBannerDomainBody:
    'A .gov website belongs to an official government organization in the United States.',
  officialBannerHttps: 'Secure .gov websites use HTTPS',
  officialBannerHttpsBody:
    'A lock or https:// means you have safely connected to the .gov website. Only share sensitive information on official, secure websites.',
  close: 'Close',
  cancel: 'Cancel',
  confirm: 'Confirm',
  loading: 'Loading',
  pageOf: 'Page {page} of {total}',
  pagination: 'Pagination',
  previous: 'Previous',
  next: 'Next',
  goToPage: 'Page {page}',
  breadcrumbs: 'Breadcrumb',
  required: 'required',
  optional: 'optional',
  charactersRemaining: {
    one: '{count} character remaining',
    other: '{count} characters remaining',
  },
  charactersTooMany: { one: '{count} character too many', other: '{count} characters too many' },
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  chooseFile: 'Choose file',
  noFileChosen: 'No file chosen',
  filesChosen: { one: '{count} file chosen', other: '{count} files chosen' },
  removeFile: 'Remove {name}',
  noResults: 'No results',
  redacted: 'Redacted',
  redactedDescription: 'Hidden: your access level does not allow you to see this {field}',
  classification: 'Classification',
  classificationPublic: 'Public',
  classificationInternal: 'Internal',
  classificationConfidential: 'Confidential',
  classificationRestricted: 'Restricted',
  stepOf: 'Step {step} of {total}',
  completed: 'completed',
  current: 'current',
  notStarted: 'not started',
  progress: '{percent}% complete',
  signedInAs: 'Signed in as {name}',
  mainNavigation: 'Main',
  sectionNavigation: 'Section',
  siteAlert: 'Site alert',
  dismiss: 'Dismiss',
  showDetails: 'Show',
  hideDetails: 'Hide',
  openCalendar: 'Open calendar',
  fieldRequired: '{label} is required',
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

/** The English catalogue: the source text, which every other language is checked against. */
export const enCatalogue = {
  locale: 'en',
  endonym: 'English',
  englishName: 'English',
  dir: 'ltr',
  review: { state: 'source' },
  messages: en,
} as const satisfies Catalogue;
