'use client';
import type { ReactNode } from 'react';
import { enConfirmDialog } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { Button } from '../Button/Button.js';
import { Dialog } from '../Dialog/Dialog.js';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  isOpen: boolean;
  /** The question, e.g. "Close case 42?" */
  title: ReactNode;
  /** What will happen. */
  children?: ReactNode;
  /** Label of the confirming button. Default: the localized "Confirm". */
  confirmLabel?: string;
  /** Label of the cancelling button. Default: the localized "Cancel". */
  cancelLabel?: string;
  /** Use the danger style for destructive actions. */
  destructive?: boolean;
  /** Shows the confirm button's loading state. */
  loading?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * An `alertdialog` asking the user to confirm. Focus starts on the first button (Cancel for
 * destructive actions, so Enter does not destroy by accident); Escape cancels.
 * @example <ConfirmDialog isOpen={open} title="Delete draft?" destructive onConfirm={del} onCancel={close} />
 */
export function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  cancelLabel,
  destructive = false,
  loading = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useStrings(enConfirmDialog);
  const confirm = (
    <Button
      key="confirm"
      variant={destructive ? 'danger' : 'primary'}
      loading={loading}
      onClick={onConfirm}
    >
      {confirmLabel ?? t('confirm')}
    </Button>
  );
  const cancel = (
    <Button key="cancel" variant="secondary" onClick={onCancel} autoFocus={destructive}>
      {cancelLabel ?? t('cancel')}
    </Button>
  );
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onCancel}
      title={title}
      role="alertdialog"
      showCloseButton={false}
      footer={destructive ? [cancel, confirm] : [confirm, cancel]}
    >
      {children}
    </Dialog>
  );
}
