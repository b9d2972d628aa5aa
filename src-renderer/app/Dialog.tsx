import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react';
import './dialog.css';

interface DialogProps {
  title: string;
  children: ReactNode;
  /** Buttons, right-aligned. */
  actions: ReactNode;
  onCancel(): void;
  wide?: boolean;
}

/**
 * A modal built on the native <dialog>: the browser traps focus, puts it above
 * everything and turns Escape into `cancel`.
 */
export function Dialog({ title, children, actions, onCancel, wide }: DialogProps): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`fb-dialog${wide ? ' fb-dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="fb-dialog__title">
        {title}
      </h2>
      <div className="fb-dialog__body">{children}</div>
      <div className="fb-dialog__actions">{actions}</div>
    </dialog>
  );
}
