/**
 * The kit's built-in strings. English is the reference: every other language is checked against
 * its keys, and a language that lacks a key falls back to English rather than showing a key name.
 * Placeholders are `{name}`; {@link formatMessage} fills them.
 */
export const en = {
  skipToMain: 'Skip to main content',
  officialBanner: 'An official website of the City of Boston',
  officialBannerToggle: "Here's how you know",
  officialBannerDomain: 'Official websites use boston.gov',
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
  charactersRemaining: '{count} characters remaining',
  charactersTooMany: '{count} characters too many',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  chooseFile: 'Choose file',
  noFileChosen: 'No file chosen',
  filesChosen: '{count} files chosen',
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
  cityName: 'City of Boston',
  fieldRequired: '{label} is required',
  alertInfo: 'Information',
  alertSuccess: 'Success',
  alertWarning: 'Warning',
  alertError: 'Error',
  characterRemaining: '{count} character remaining',
  characterTooMany: '{count} character too many',
  noResultsFor: 'No results for “{query}”',
  showPassword: 'Show',
  hidePassword: 'Hide',
  passwordShown: 'Your password is visible',
  passwordHidden: 'Your password is hidden',
  back: 'Back',
  important: 'Important',
  warningPrefix: 'Warning',
  menu: 'Menu',
  serviceNavigation: 'Service',
  search: 'Search',
  language: 'Language',
  exitThisPage: 'Exit this page',
  exitThisPageHint: 'Or press Shift three times',
  exitingPage: 'Loading.',
  contents: 'Contents',
  moreInformation: 'More information',
  hours: 'Hours',
  minutes: 'Minutes',
  startDate: 'Start date',
  endDate: 'End date',
  dateRangeOrder: 'The end date must be on or after the start date',
  acceptCookies: 'Accept additional cookies',
  rejectCookies: 'Reject additional cookies',
  viewCookies: 'View cookies',
  cookiesAccepted: 'You have accepted additional cookies.',
  cookiesRejected: 'You have rejected additional cookies.',
  hideCookieMessage: 'Hide cookie message',
  taskStatusCompleted: 'Completed',
  taskStatusIncomplete: 'Incomplete',
  taskStatusNotStarted: 'Not yet started',
  taskStatusCannotStart: 'Cannot start yet',
  taskStatusInProgress: 'In progress',
  phaseBeta: 'Beta',
  phaseAlpha: 'Alpha',
} as const;

/** The keys of the built-in strings. */
export type MessageKey = keyof typeof en;

/** A full set of built-in strings for one language. */
export type Messages = Record<MessageKey, string>;

/** Spanish: the City's second language of service. */
export const es: Messages = {
  skipToMain: 'Saltar al contenido principal',
  officialBanner: 'Un sitio web oficial de la Ciudad de Boston',
  officialBannerToggle: 'Así es como usted puede verificarlo',
  officialBannerDomain: 'Los sitios web oficiales usan boston.gov',
  officialBannerDomainBody:
    'Un sitio web .gov pertenece a una organización oficial del Gobierno de Estados Unidos.',
  officialBannerHttps: 'Los sitios web seguros .gov usan HTTPS',
  officialBannerHttpsBody:
    'Un candado o https:// significa que usted se conectó de forma segura a un sitio web .gov. Comparta información sensible solo en sitios web oficiales y seguros.',
  close: 'Cerrar',
  cancel: 'Cancelar',
  confirm: 'Confirmar',
  loading: 'Cargando',
  pageOf: 'Página {page} de {total}',
  pagination: 'Paginación',
  previous: 'Anterior',
  next: 'Siguiente',
  goToPage: 'Página {page}',
  breadcrumbs: 'Ruta de navegación',
  required: 'obligatorio',
  optional: 'opcional',
  charactersRemaining: 'Quedan {count} caracteres',
  charactersTooMany: '{count} caracteres de más',
  errorSummaryTitle: 'Hay un problema',
  errorPrefix: 'Error:',
  day: 'Día',
  month: 'Mes',
  year: 'Año',
  chooseFile: 'Elegir archivo',
  noFileChosen: 'Ningún archivo seleccionado',
  filesChosen: '{count} archivos seleccionados',
  removeFile: 'Quitar {name}',
  noResults: 'Sin resultados',
  redacted: 'Oculto',
  redactedDescription: 'Oculto: su nivel de acceso no le permite ver este campo ({field})',
  classification: 'Clasificación',
  classificationPublic: 'Público',
  classificationInternal: 'Interno',
  classificationConfidential: 'Confidencial',
  classificationRestricted: 'Restringido',
  stepOf: 'Paso {step} de {total}',
  completed: 'completado',
  current: 'actual',
  notStarted: 'sin empezar',
  progress: '{percent}% completado',
  signedInAs: 'Sesión iniciada como {name}',
  mainNavigation: 'Principal',
  sectionNavigation: 'Sección',
  siteAlert: 'Alerta del sitio',
  dismiss: 'Descartar',
  showDetails: 'Mostrar',
  hideDetails: 'Ocultar',
  openCalendar: 'Abrir calendario',
  cityName: 'Ciudad de Boston',
  fieldRequired: '{label}: este campo es obligatorio',
  alertInfo: 'Información',
  alertSuccess: 'Éxito',
  alertWarning: 'Advertencia',
  alertError: 'Error',
  characterRemaining: 'Queda {count} carácter',
  characterTooMany: '{count} carácter de más',
  noResultsFor: 'No hay resultados para “{query}”',
  showPassword: 'Mostrar',
  hidePassword: 'Ocultar',
  passwordShown: 'Su contraseña está visible',
  passwordHidden: 'Su contraseña está oculta',
  back: 'Volver',
  important: 'Importante',
  warningPrefix: 'Advertencia',
  menu: 'Menú',
  serviceNavigation: 'Servicio',
  search: 'Buscar',
  language: 'Idioma',
  exitThisPage: 'Salir de esta página',
  exitThisPageHint: 'O presione Mayús tres veces',
  exitingPage: 'Cargando.',
  contents: 'Contenido',
  moreInformation: 'Más información',
  hours: 'Horas',
  minutes: 'Minutos',
  startDate: 'Fecha de inicio',
  endDate: 'Fecha de finalización',
  dateRangeOrder: 'La fecha de finalización debe ser igual o posterior a la fecha de inicio',
  acceptCookies: 'Aceptar cookies adicionales',
  rejectCookies: 'Rechazar cookies adicionales',
  viewCookies: 'Ver cookies',
  cookiesAccepted: 'Usted aceptó las cookies adicionales.',
  cookiesRejected: 'Usted rechazó las cookies adicionales.',
  hideCookieMessage: 'Ocultar el mensaje de cookies',
  taskStatusCompleted: 'Completado',
  taskStatusIncomplete: 'Incompleto',
  taskStatusNotStarted: 'Sin empezar',
  taskStatusCannotStart: 'Todavía no se puede empezar',
  taskStatusInProgress: 'En curso',
  phaseBeta: 'Beta',
  phaseAlpha: 'Alfa',
};

/**
 * Arabic, partial: enough to review right-to-left layouts. Missing keys fall back to English.
 * Translations for the City's other languages (Haitian Creole, Portuguese, Vietnamese, Chinese,
 * Cape Verdean Creole, Russian, Somali...) slot in the same way.
 */
export const ar: Partial<Messages> = {
  skipToMain: 'انتقل إلى المحتوى الرئيسي',
  officialBanner: 'موقع رسمي لمدينة بوسطن',
  close: 'إغلاق',
  cancel: 'إلغاء',
  confirm: 'تأكيد',
  loading: 'جارٍ التحميل',
  pageOf: 'الصفحة {page} من {total}',
  previous: 'السابق',
  next: 'التالي',
  errorSummaryTitle: 'هناك مشكلة',
  cityName: 'مدينة بوسطن',
};

/** The languages shipped with the kit, by BCP 47 primary language subtag. */
export const BUILT_IN_MESSAGES: Readonly<Record<string, Partial<Messages>>> = { en, es, ar };

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb']);

/**
 * The writing direction of a BCP 47 locale (`'ar'`, `'he-IL'` → `'rtl'`).
 * @example getTextDirection('ar-EG') // 'rtl'
 */
export function getTextDirection(locale: string): 'ltr' | 'rtl' {
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/**
 * Fills `{name}` placeholders. A placeholder without a value is left visible, so a missing
 * argument shows up in review instead of silently disappearing.
 * @example formatMessage('Page {page} of {total}', { page: 2, total: 10 }) // 'Page 2 of 10'
 */
export function formatMessage(
  template: string,
  values: Record<string, string | number> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * The strings for a locale: the built-in language for its primary subtag over English, then the
 * app's overrides. Works on the server (no React context needed).
 */
export function resolveMessages(locale: string, overrides: Partial<Messages> = {}): Messages {
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en';
  return { ...en, ...(BUILT_IN_MESSAGES[language] ?? {}), ...overrides };
}
