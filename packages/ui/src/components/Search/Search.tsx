'use client';
import { useId } from 'react';
import { enSearch } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { SearchIcon } from '../../internal/icons.js';

/** Props of {@link Search}. */
export interface SearchProps {
  /** Where the form goes (GET). */
  action: string;
  /** The query parameter. Default `q`. */
  name?: string;
  /** The field's label. Default "Search" in the current language. */
  label?: string;
  /** Show the label (default) or keep it for screen readers only, when the context is obvious. */
  hideLabel?: boolean;
  defaultValue?: string;
}

/**
 * A site or service search form (USWDS "Search"): a `search` landmark, a labelled search field
 * and a submit button with a visible word, not just a magnifier.
 * @example <Search action="/search" />
 */
export function Search({
  action,
  name = 'q',
  label,
  hideLabel = false,
  defaultValue,
}: SearchProps) {
  const { t } = useStrings(enSearch);
  const id = useId();
  const text = label ?? t('search');
  return (
    // A form with role="search": the `<search>` element's landmark is not yet exposed everywhere.
    <div className="cob-search">
      {/* biome-ignore lint/a11y/useSemanticElements: see above */}
      <form action={action} method="get" className="cob-search__form" role="search">
        <label htmlFor={id} className={hideLabel ? 'cob-visually-hidden' : 'cob-field__label'}>
          {text}
        </label>
        <div className="cob-search__row">
          <input
            id={id}
            type="search"
            name={name}
            className="cob-input cob-search__input"
            defaultValue={defaultValue}
            enterKeyHint="search"
          />
          <button type="submit" className="cob-button cob-button--primary cob-search__button">
            <SearchIcon /> {t('search')}
          </button>
        </div>
      </form>
    </div>
  );
}
