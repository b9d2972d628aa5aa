import type { ReactElement } from 'react';
import { useNoticeStore } from './notice-store';
import './notices.css';

/** Toasts: pointer-anchored ones float next to the pointer, the others stack at the top right. */
export function Notices(): ReactElement {
  const notices = useNoticeStore((s) => s.notices);
  const dismiss = useNoticeStore((s) => s.dismiss);
  return (
    <>
      {notices.map((n) =>
        n.at ? (
          <div
            key={n.id}
            role="alert"
            className={`fb-toast fb-toast--${n.tone} fb-toast--pointer`}
            style={{ left: n.at.x + 14, top: n.at.y + 14 }}
          >
            {n.text}
          </div>
        ) : null,
      )}
      <div className="fb-toast-stack">
        {notices
          .filter((n) => !n.at)
          .map((n) => (
            <div key={n.id} role="alert" className={`fb-toast fb-toast--${n.tone}`}>
              <span>{n.text}</span>
              <button
                type="button"
                className="fb-toast__close"
                aria-label="Dismiss"
                onClick={() => dismiss(n.id)}
              >
                ×
              </button>
            </div>
          ))}
      </div>
    </>
  );
}
