import type { ReactElement, ReactNode } from 'react';

/**
 * A button on the message browser's bar that opens its controls below it, over the table:
 * export and import stay one click away without taking a row of the panel's height.
 */
export function BarPopover(props: { label: string; testId: string; children: ReactNode }): ReactElement {
  return (
    <details className="fb-msgs__pop" data-testid={props.testId}>
      <summary className="fb-btn fb-btn--small">{props.label}</summary>
      <div className="fb-msgs__pop-body">{props.children}</div>
    </details>
  );
}
