import type { ReactElement } from 'react';
import { useLintStore } from './lint-store';
import './validation.css';

/** The toolbar's count of design problems; pressing it opens the validation panel. */
export function ValidationBadge(): ReactElement {
  const counts = useLintStore((s) => {
    let errors = 0;
    let warnings = 0;
    for (const f of s.findings) {
      if (f.severity === 'error') errors += 1;
      else if (f.severity === 'warning') warnings += 1;
    }
    return `${errors}:${warnings}:${s.findings.length}`;
  });
  const [errors, warnings, total] = counts.split(':').map(Number);
  const tone = errors > 0 ? 'error' : warnings > 0 ? 'warning' : total > 0 ? 'info' : 'clean';
  const label =
    total === 0
      ? 'No problems'
      : `${total} problem${total === 1 ? '' : 's'} (${errors} errors, ${warnings} warnings)`;
  return (
    <button
      type="button"
      className={`fb-btn fb-btn--ghost fb-validation-badge fb-validation-badge--${tone}`}
      data-testid="validation-count"
      data-count={total}
      aria-label={`${label}: show the validation panel`}
      title={label}
      onClick={() => {
        useLintStore.getState().setPanelOpen(true);
        // After the panel renders its list, move the keyboard there.
        requestAnimationFrame(() =>
          document
            .querySelector<HTMLElement>('[data-testid="validation-item"], .fb-validation__toggle')
            ?.focus(),
        );
      }}
    >
      <span aria-hidden="true">{tone === 'clean' ? '✓' : tone === 'error' ? '✖' : '▲'}</span>
      <span>{total}</span>
    </button>
  );
}
