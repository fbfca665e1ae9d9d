import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

interface DialogProps {
  title: string;
  description?: ReactNode;
  /** Called on Escape, the backdrop or the close button. Ignored while `busy`. */
  onDismiss: () => void;
  busy?: boolean;
  children: ReactNode;
}

// The first thing to type in, or a control marked data-autofocus (a confirm button), gets focus.
const FIRST_FOCUS = '[data-autofocus], input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * A modal dialog on Radix's Dialog: labelled by its title, Escape and the backdrop close it, focus
 * stays inside and returns where it was, the page behind does not scroll. Shown while mounted.
 */
export function Dialog({ title, description, onDismiss, busy = false, children }: DialogProps) {
  const keepOpenWhileBusy = (event: Event) => {
    if (busy) event.preventDefault();
  };
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && !busy && onDismiss()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-backdrop">
          <RadixDialog.Content
            className="dialog"
            // Without a description, say so (Radix otherwise points aria-describedby at nothing).
            {...(description ? {} : { 'aria-describedby': undefined })}
            onEscapeKeyDown={keepOpenWhileBusy}
            onPointerDownOutside={keepOpenWhileBusy}
            onOpenAutoFocus={(event) => {
              const first = (event.currentTarget as HTMLElement).querySelector<HTMLElement>(FIRST_FOCUS);
              if (first) {
                event.preventDefault();
                first.focus();
              }
            }}
          >
            <div className="dialog-header">
              <RadixDialog.Title>{title}</RadixDialog.Title>
              <RadixDialog.Close className="icon-button" disabled={busy} aria-label="Close">
                <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
              </RadixDialog.Close>
            </div>
            {description && <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>}
            {children}
          </RadixDialog.Content>
        </RadixDialog.Overlay>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
