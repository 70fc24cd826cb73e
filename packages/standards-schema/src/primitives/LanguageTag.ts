import { z } from 'zod';

// RFC 5646 §2.1 `langtag` (well-formed, not registry-checked), plus private-use `x-...` tags.
const LANGTAG =
  /^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z\d]{2,8})+)*(?:-x(?:-[A-Za-z\d]{1,8})+)?$|^x(?:-[A-Za-z\d]{1,8})+$/;

/**
 * A BCP 47 language tag (`en`, `es-US`, `zh-Hant`, `ht`, `pt-BR`, `cv`): the languages
 * residents ask the City to use.
 *
 * Standard: [BCP 47 / RFC 5646](https://www.rfc-editor.org/rfc/rfc5646).
 */
export const LanguageTag = z
  .string()
  .regex(LANGTAG, 'Expected a BCP 47 language tag such as en, es-US or zh-Hant')
  .meta({ description: 'BCP 47 language tag', examples: ['en', 'es-US', 'zh-Hant', 'ht'] });
/** A BCP 47 language tag. */
export type LanguageTag = z.infer<typeof LanguageTag>;
