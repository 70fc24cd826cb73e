'use client';
import type { ComponentPropsWithRef } from 'react';
import type { FieldBaseProps } from '../../internal/Field.js';
import { TextArea } from '../TextArea/TextArea.js';

/** Props of {@link CharacterCount}. */
export interface CharacterCountProps
  extends FieldBaseProps,
    Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'required' | 'children'> {
  /** The most characters the answer should have. Typing past it is allowed; validate on submit. */
  maxCharacters: number;
}

/**
 * A labelled text area that counts characters against a limit (GOV.UK "Character count"). The
 * visible count ("12 characters remaining", "1 character too many") changes as the user types
 * and is part of the field's description; screen readers hear it once typing pauses for a second,
 * never on every keystroke. Past the limit the count turns into an error-styled message.
 * @example <CharacterCount label="Describe the problem" maxCharacters={500} name="details" />
 */
export function CharacterCount(props: CharacterCountProps) {
  // The same field as a TextArea with a limit: one implementation, so the two never drift.
  return <TextArea {...props} />;
}
