/** Colours of the chart lines, distinguishable in both themes and by most colour-blind users. */
export const SERIES_COLOURS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2'];

/** Theme colours a canvas-drawn chart needs (canvas cannot use CSS variables). */
export interface ChartTheme {
  ink: string;
  muted: string;
  grid: string;
  accent: string;
  danger: string;
  warn: string;
}

/** Reads the current theme's colours from the CSS variables. */
export function chartTheme(): ChartTheme {
  const s = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => s.getPropertyValue(name).trim() || fallback;
  return {
    ink: v('--fb-ink-2', '#334155'),
    muted: v('--fb-muted', '#64748b'),
    grid: v('--fb-border-soft', '#e2e8f0'),
    accent: v('--fb-accent', '#2563eb'),
    danger: v('--fb-danger', '#dc2626'),
    warn: v('--fb-warn', '#b45309'),
  };
}
