import type { ReactElement, ReactNode } from 'react';

function Svg({ children }: { children: ReactNode }): ReactElement {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

/** Curved arrow back. */
export function UndoIcon(): ReactElement {
  return (
    <Svg>
      <path d="M5.5 3.5 2.5 6.5l3 3" />
      <path d="M2.5 6.5h7a4 4 0 0 1 0 8H7" />
    </Svg>
  );
}

/** Curved arrow forward. */
export function RedoIcon(): ReactElement {
  return (
    <Svg>
      <path d="m10.5 3.5 3 3-3 3" />
      <path d="M13.5 6.5h-7a4 4 0 0 0 0 8H9" />
    </Svg>
  );
}

/** Three boxes joined left to right. */
export function LayoutIcon(): ReactElement {
  return (
    <Svg>
      <rect x="1" y="6" width="4" height="4" rx="1" />
      <rect x="11" y="2" width="4" height="4" rx="1" />
      <rect x="11" y="10" width="4" height="4" rx="1" />
      <path d="M5 8h3m0 0V4h3M8 8v4h3" />
    </Svg>
  );
}

/** Bars lined up on a left edge. */
export function AlignIcon(): ReactElement {
  return (
    <Svg>
      <path d="M2 1.5v13" />
      <rect x="4" y="3" width="9" height="3.5" rx="1" />
      <rect x="4" y="9.5" width="6" height="3.5" rx="1" />
    </Svg>
  );
}

/** A small grid. */
export function GridIcon(): ReactElement {
  return (
    <Svg>
      <rect x="2" y="2" width="12" height="12" rx="1.5" />
      <path d="M6 2v12M10 2v12M2 6h12M2 10h12" />
    </Svg>
  );
}
