import type { MessageKey } from './catalogue.types.js';

/**
 * Keys that exist in English (and usually Spanish) while their other translations are on their
 * way, each with the issue or note that tracks them. Until then a pending key shows the English
 * text, isolated so it does not reorder a right-to-left page. The completeness test accepts a
 * missing translation only for a key listed here, and fails once every language has it (remove
 * it then). How to add a key: CONTRIBUTING in src/i18n/README.md.
 */
export const PENDING_TRANSLATIONS: Readonly<Partial<Record<MessageKey, string>>> = {
  alertInfo: 'issue 20 follow-up',
  alertSuccess: 'issue 20 follow-up',
  alertWarning: 'issue 20 follow-up',
  alertError: 'issue 20 follow-up',
  noResultsFor: 'issue 20 follow-up',
  showPassword: 'issue 20 follow-up',
  hidePassword: 'issue 20 follow-up',
  passwordShown: 'issue 20 follow-up',
  passwordHidden: 'issue 20 follow-up',
  back: 'issue 20 follow-up',
  important: 'issue 20 follow-up',
  warningPrefix: 'issue 20 follow-up',
  menu: 'issue 20 follow-up',
  serviceNavigation: 'issue 20 follow-up',
  search: 'issue 20 follow-up',
  language: 'issue 20 follow-up',
  exitThisPage: 'issue 20 follow-up',
  exitThisPageHint: 'issue 20 follow-up',
  exitingPage: 'issue 20 follow-up',
  contents: 'issue 20 follow-up',
  moreInformation: 'issue 20 follow-up',
  hours: 'issue 20 follow-up',
  minutes: 'issue 20 follow-up',
  startDate: 'issue 20 follow-up',
  endDate: 'issue 20 follow-up',
  dateRangeOrder: 'issue 20 follow-up',
  acceptCookies: 'issue 20 follow-up',
  rejectCookies: 'issue 20 follow-up',
  viewCookies: 'issue 20 follow-up',
  cookiesAccepted: 'issue 20 follow-up',
  cookiesRejected: 'issue 20 follow-up',
  hideCookieMessage: 'issue 20 follow-up',
  taskStatusCompleted: 'issue 20 follow-up',
  taskStatusIncomplete: 'issue 20 follow-up',
  taskStatusNotStarted: 'issue 20 follow-up',
  taskStatusCannotStart: 'issue 20 follow-up',
  taskStatusInProgress: 'issue 20 follow-up',
  phaseBeta: 'issue 20 follow-up',
  phaseAlpha: 'issue 20 follow-up',
};
