import { useContext, useLayoutEffect, useRef, type ReactElement } from 'react';
import { OverviewContext } from './zoom-detail';

/**
 * Gives the node card it sits in a hover title while the canvas shows the overview (the card's
 * text is not drawn then). Only this empty element reads the overview, so crossing the zoom
 * line re-renders 500 of these instead of 500 whole nodes in the crossing frame.
 */
export function OverviewTitle({ title }: { title: string }): ReactElement {
  const overview = useContext(OverviewContext);
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const card = ref.current?.parentElement;
    if (!card) return;
    if (overview) card.title = title;
    else card.removeAttribute('title');
  }, [overview, title]);
  return <span ref={ref} hidden />;
}
