import type { ReactElement } from 'react';
import { useThemeStore } from './theme-store';

/** A toolbar switch between the light and dark colour schemes. */
export function ThemeToggle(): ReactElement {
  const theme = useThemeStore((s) => s.theme);
  const toggle = useThemeStore((s) => s.toggle);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="fb-btn fb-btn--ghost fb-theme-toggle"
      aria-pressed={dark}
      aria-label="Dark theme"
      title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      data-theme-state={theme}
      onClick={toggle}
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
    </button>
  );
}
