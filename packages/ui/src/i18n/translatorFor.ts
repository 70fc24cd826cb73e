import { CATALOGUES } from './catalogues.js';
import { matchLocale } from './localeTags.js';
import { createTranslator, type Translator } from './translate.js';

/**
 * A {@link Translator} for the first language in an ordered list of preferences that the kit
 * ships, English when none is: for servers that render a page outside React, from an OpenID
 * Connect `ui_locales` parameter (space-separated BCP 47 tags, RFC 5646) or an HTTP
 * `Accept-Language` header (RFC 9110 §12.5.4; quality values are honoured, `*` is ignored).
 * @example translatorFor('so pt-BR').locale // 'so'
 * @example translatorFor(['fr-CA', 'en']).t('idp.signOutYes') // 'Oui, me déconnecter'
 */
export function translatorFor(preferences: string | readonly (string | undefined)[]): Translator {
  for (const tag of orderedTags(preferences)) {
    const match = matchLocale(tag);
    if (match) return createTranslator(CATALOGUES[match]);
  }
  return createTranslator(CATALOGUES.en);
}

function orderedTags(preferences: string | readonly (string | undefined)[]): string[] {
  const lists = typeof preferences === 'string' ? [preferences] : preferences;
  const tags: string[] = [];
  for (const list of lists) {
    if (!list) continue;
    const weighted = list
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((part, index) => {
        const [tag = '', ...params] = part.split(';');
        const q = params.find((p) => p.trim().startsWith('q='));
        const quality = q ? Number(q.trim().slice(2)) : 1;
        return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
      })
      .filter((entry) => entry.tag && entry.tag !== '*' && entry.quality > 0)
      .sort((a, b) => b.quality - a.quality || a.index - b.index);
    tags.push(...weighted.map((entry) => entry.tag));
  }
  return tags;
}
