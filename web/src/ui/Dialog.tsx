import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** Buttons at the bottom; the dialog's own close button is always there. */
  actions?: ReactNode;
  onClose(): void;
  wide?: boolean;
}

/** A native modal `<dialog>`: focus trapping, Escape and the backdrop come from the browser; named by its title. */
export function Dialog({ open, title, children, actions, onClose, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => open && onClose()}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {open && <div className="dialog__body">{children}</div>}
      {actions && <div className="dialog__actions">{actions}</div>}
    </dialog>
  );
}
