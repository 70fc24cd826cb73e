'use client';
import { type ComponentPropsWithRef, useState } from 'react';
import { enFileUpload } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { type FieldBaseProps, FieldShell, useField } from '../../internal/Field.js';

/** Props of {@link FileUpload}. */
export interface FileUploadProps
  extends FieldBaseProps,
    Omit<ComponentPropsWithRef<'input'>, 'type' | 'id' | 'required' | 'children' | 'onChange'> {
  /** Called with the chosen files. */
  onFilesChange?: (files: File[]) => void;
}

/**
 * A labelled native file input (keyboard and screen-reader support come from the browser), with
 * the chosen files listed in a polite live region. State accepted types and sizes in the `hint`.
 * @example <FileUpload label="Photos of the problem" accept="image/*" multiple hint="JPG or PNG, up to 10 MB each" />
 */
export function FileUpload({
  label,
  hint,
  error,
  required,
  id,
  className,
  onFilesChange,
  ...rest
}: FileUploadProps) {
  const { t } = useStrings(enFileUpload);
  const field = useField({ id, hint, error });
  const [files, setFiles] = useState<File[]>([]);
  return (
    <FieldShell
      label={label}
      hint={hint}
      error={error}
      required={required ?? false}
      field={field}
      className={className}
    >
      <input
        {...rest}
        {...field.controlProps}
        type="file"
        required={required}
        className="cob-file-upload__input"
        onChange={(event) => {
          const chosen = [...(event.currentTarget.files ?? [])];
          setFiles(chosen);
          onFilesChange?.(chosen);
        }}
      />
      <div className="cob-file-upload__status" aria-live="polite">
        {files.length === 0 ? null : files.length === 1 ? (
          <p className="cob-field__hint">{files[0]?.name}</p>
        ) : (
          <>
            <p className="cob-field__hint">{t('filesChosen', { count: files.length })}</p>
            <ul className="cob-file-upload__list">
              {files.map((file) => (
                <li key={`${file.name}-${file.size}`}>{file.name}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </FieldShell>
  );
}
