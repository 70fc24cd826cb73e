'use client';
import { useEffect, useState } from 'react';
import { enCharacterCount } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** How long typing must pause before the count is spoken, as GOV.UK Frontend does. */
export const COUNT_ANNOUNCE_DELAY_MS = 1000;

/** The visible and spoken character-count messages for a value's length against a limit. */
export function useCharacterCount(length: number, maxCharacters: number | undefined) {
  const { t } = useStrings(enCharacterCount);
  const remaining = maxCharacters === undefined ? 0 : maxCharacters - length;
  const count = Math.abs(remaining);
  // "1 character remaining", not "1 characters": both are plural messages, whose text the
  // language's CLDR plural rules pick for `count`.
  const message =
    maxCharacters === undefined
      ? ''
      : remaining < 0
        ? t('charactersTooMany', { count })
        : t('charactersRemaining', { count });
  // The visible count follows every keystroke; the live region only once typing pauses, so a
  // screen reader is not interrupted on each character.
  const [spoken, setSpoken] = useState('');
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => setSpoken(message), COUNT_ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [message, dirty]);
  return { message, spoken, over: remaining < 0, markDirty: () => setDirty(true) };
}
