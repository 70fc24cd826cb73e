'use client';
import { type ReactNode, type SyntheticEvent, useEffect, useId, useRef } from 'react';
import { FocusScope } from 'react-aria';
import { enDialog } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { CloseIcon } from '../../internal/icons.js';
import { IconButton } from '../IconButton/IconButton.js';

/** Props of {@link Dialog}. */
export interface DialogProps {
  /** Whether the dialog is open (controlled). */
  isOpen: boolean;
  /** Called on Escape, the close button, or a click on the backdrop (when `isDismissable`). */
  onClose: () => void;
  /** The dialog's heading, which also names it. */
  title: ReactNode;
  /** `alertdialog` for confirmations that interrupt; default `dialog`. */
  role?: 'dialog' | 'alertdialog';
  /** Close on a click on the backdrop. Default true for `dialog`, false for `alertdialog`. */
  isDismissable?: boolean;
  /** Show the × close button. Default true. */
  showCloseButton?: boolean;
  /** Buttons at the bottom. */
  footer?: ReactNode;
  children?: ReactNode;
}

/**
 * A modal dialog. The browser's modal `<dialog>` (`showModal()`) makes the rest of the page
 * inert and turns Escape into a close request; react-aria's `FocusScope` moves focus in, keeps
 * Tab inside, and restores focus to the element that opened it when it closes. (The full
 * react-aria overlay stack weighs 14.5 kB gzipped, over the 12 kB budget; the native element
 * does the modality for free.)
 * @example
 * <Dialog isOpen={open} onClose={() => setOpen(false)} title="Reassign case">…</Dialog>
 */
export function Dialog(props: DialogProps) {
  if (!props.isOpen) return null;
  return <DialogSurface {...props} />;
}

function DialogSurface({
  title,
  role = 'dialog',
  isDismissable = role === 'dialog',
  showCloseButton = true,
  footer,
  children,
  onClose,
}: DialogProps) {
  const { t } = useStrings(enDialog);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open && typeof dialog.showModal === 'function') dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  const requestClose = (event: SyntheticEvent) => {
    // Escape fires `cancel`: keep the element open and let the app decide (it unmounts us).
    event.preventDefault();
    onCloseRef.current();
  };
  return (
    <dialog
      ref={ref}
      className="cob-root cob-dialog"
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      onCancel={requestClose}
      onKeyDown={(event) => {
        // Handle Escape here too: the native close request does not follow synthetic events.
        if (event.key === 'Escape') requestClose(event);
      }}
      onClick={(event) => {
        if (isDismissable && event.target === event.currentTarget) onCloseRef.current();
      }}
    >
      <FocusScope contain restoreFocus autoFocus>
        <div className="cob-dialog__header">
          <h2 className="cob-dialog__title" id={titleId}>
            {title}
          </h2>
          {showCloseButton ? (
            <IconButton
              label={t('close')}
              icon={<CloseIcon />}
              onClick={() => onCloseRef.current()}
            />
          ) : null}
        </div>
        <div className="cob-dialog__body">{children}</div>
        {footer ? <div className="cob-dialog__footer">{footer}</div> : null}
      </FocusScope>
    </dialog>
  );
}
