/** U+2068 FIRST STRONG ISOLATE: the value takes the direction of its own first strong letter. */
export const FSI = '\u2068';
/** U+2066 LEFT-TO-RIGHT ISOLATE. */
export const LRI = '\u2066';
/** U+2069 POP DIRECTIONAL ISOLATE, closing an isolate. */
export const PDI = '\u2069';

// Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and
// their presentation forms.
const RTL_LETTER =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]|\ud802[\udc00-\udfff]|\ud803[\udc00-\ude7f]/;

/**
 * Wraps an interpolated value in Unicode bidi isolates (UAX #9, FSI…PDI) when it could reorder
 * the text around it: always on a right-to-left page, and on a left-to-right page when the value
 * holds right-to-left letters (an Arabic name in an English sentence). Left-to-right values on
 * left-to-right pages are left alone.
 * @example isolateValue('Case 1042 (B)', 'rtl') // '\u2068Case 1042 (B)\u2069'
 */
export function isolateValue(value: string, dir: 'ltr' | 'rtl'): string {
  if (value === '') return value;
  return dir === 'rtl' || RTL_LETTER.test(value) ? `${FSI}${value}${PDI}` : value;
}

/** Removes the isolate characters, e.g. to compare text in a test. */
export function stripBidiIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}
