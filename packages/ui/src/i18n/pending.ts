import type { MessageKey } from './catalogue.types.js';

/**
 * Keys that exist in English (and usually Spanish) while their other translations are on their
 * way, each with the issue or note that tracks them. Until then a pending key shows the English
 * text, isolated so it does not reorder a right-to-left page. The completeness test accepts a
 * missing translation only for a key listed here, and fails once every language has it (remove
 * it then). How to add a key: CONTRIBUTING in src/i18n/README.md.
 */
export const PENDING_TRANSLATIONS: Readonly<Partial<Record<MessageKey, string>>> = {};
