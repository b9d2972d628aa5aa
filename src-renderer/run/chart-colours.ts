/** Colours of the chart lines per theme, distinguishable from each other and from the background. */
const LIGHT = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2'];
const DARK = ['#60a5fa', '#fbbf24', '#34d399', '#f472b6', '#a78bfa', '#22d3ee'];

/** Theme colours a canvas-drawn chart needs, as plain `rgb()` values. */
export interface ChartTheme {
  ink: string;
  muted: string;
  grid: string;
  accent: string;
  accentSoft: string;
  series: string[];
}

let probe: HTMLSpanElement | null = null;

/**
 * The computed colour of a CSS variable. Canvas cannot read variables, and the theme's
 * values use `light-dark()`, which a canvas does not parse either, so the browser resolves
 * them on a hidden element.
 */
export function cssColour(variable: string, fallback: string): string {
  if (!probe) {
    probe = document.createElement('span');
    probe.style.display = 'none';
    document.body.appendChild(probe);
  }
  probe.style.color = fallback;
  probe.style.color = `var(${variable}, ${fallback})`;
  return getComputedStyle(probe).color || fallback;
}

let cached: { theme: string | undefined; colours: ChartTheme } | null = null;

/** The current theme's chart colours (read once per theme: reading styles costs a style pass). */
export function chartTheme(): ChartTheme {
  const theme = document.documentElement.dataset.theme;
  if (cached && cached.theme === theme) return cached.colours;
  const colours = readTheme();
  cached = { theme, colours };
  return colours;
}

function readTheme(): ChartTheme {
  return {
    ink: cssColour('--fb-ink-2', '#334155'),
    muted: cssColour('--fb-muted', '#64748b'),
    grid: cssColour('--fb-border-soft', '#e2e8f0'),
    accent: cssColour('--fb-accent', '#2563eb'),
    accentSoft: cssColour('--fb-accent-soft', '#e0eaff'),
    series: document.documentElement.dataset.theme === 'dark' ? DARK : LIGHT,
  };
}
