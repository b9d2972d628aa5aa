/** The canvas's colours (theme.css, group-note.css) in plain values an SVG can carry. */
export interface SvgTheme {
  background: string;
  surface: string;
  border: string;
  borderSoft: string;
  ink: string;
  ink2: string;
  muted: string;
  edge: string;
  groupFill: string;
  groupStroke: string;
  noteFill: string;
  noteStroke: string;
  noteInk: string;
}

/** Light and dark, the two values of each `light-dark()` in theme.css. */
export const SVG_THEMES: Record<'light' | 'dark', SvgTheme> = {
  light: {
    background: '#f4f6f9',
    surface: '#ffffff',
    border: '#d9dee7',
    borderSoft: '#e9edf3',
    ink: '#0f172a',
    ink2: '#334155',
    muted: '#64748b',
    edge: '#94a3b8',
    groupFill: 'rgba(148,163,184,0.08)',
    groupStroke: '#64748b',
    noteFill: '#fef9c3',
    noteStroke: '#fde047',
    noteInk: '#422006',
  },
  dark: {
    background: '#0f141b',
    surface: '#171e28',
    border: '#364152',
    borderSoft: '#252f3d',
    ink: '#e5e9f0',
    ink2: '#c8d1dd',
    muted: '#97a3b6',
    edge: '#7b8aa0',
    groupFill: 'rgba(148,163,184,0.06)',
    groupStroke: '#97a3b6',
    noteFill: '#3a3413',
    noteStroke: '#6b5d14',
    noteInk: '#fef3c7',
  },
};

/** Fonts named so that browsers, Inkscape and resvg (DejaVu on Linux) all find one. */
export const SVG_FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif";
export const SVG_MONO = "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace";
