import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';
import { Dialog } from './Dialog.tsx';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** The button that does it, e.g. "Remove Sam". */
  confirmLabel: string;
  busyLabel: string;
  /** The label of the safe choice (default "Cancel"). */
  cancelLabel?: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onDismiss: () => void;
}

/** Asks before a change that is hard to undo; shows the API's message when it is refused. */
export function ConfirmDialog({ title, children, confirmLabel, busyLabel, cancelLabel = 'Cancel', danger = false, onConfirm, onDismiss }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (cause) {
      setBusy(false);
      setError(errorMessage(cause));
    }
  }

  return (
    <Dialog title={title} onDismiss={onDismiss} busy={busy}>
      <div className="dialog-text">{children}</div>
      {error && (
        <div className="form-alert" role="alert">
          {error}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-ghost" onClick={onDismiss} disabled={busy}>
          {cancelLabel}
        </button>
        <button type="button" className={danger ? 'button button-danger-solid' : 'button button-primary'} onClick={confirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
