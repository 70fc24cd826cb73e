/**
 * Error codes of @cityofboston/ui.
 * - `UI_INVALID_PROP`: a prop has a value the component cannot render accessibly (e.g. an empty
 *   label, a page outside the page count).
 * - `UI_UNSUPPORTED_SCHEMA`: `useSchemaForm` was given a schema it cannot map to fields.
 * - `UI_UNKNOWN_FIELD`: `useSchemaForm().field(name)` named a field the schema does not have.
 * - `UI_THEME_CONTRAST`: `defineTheme` was given colours that fail a documented contrast pairing.
 */
export const UI_ERROR_CODES = {
  INVALID_PROP: 'UI_INVALID_PROP',
  UNSUPPORTED_SCHEMA: 'UI_UNSUPPORTED_SCHEMA',
  UNKNOWN_FIELD: 'UI_UNKNOWN_FIELD',
  THEME_CONTRAST: 'UI_THEME_CONTRAST',
} as const;

/** One of {@link UI_ERROR_CODES}. */
export type UiErrorCode = (typeof UI_ERROR_CODES)[keyof typeof UI_ERROR_CODES];

/**
 * The one error class of this package: a string `code` and an optional `cause`.
 * @example
 * try { ... } catch (e) { if (e instanceof UiError && e.code === 'UI_UNKNOWN_FIELD') ... }
 */
export class UiError extends Error {
  override readonly name = 'UiError';
  readonly code: UiErrorCode;
  constructor(code: UiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
