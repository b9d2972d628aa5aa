import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';

function isTextEntry(el: HTMLElement): boolean {
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * Delete / Backspace remove the selected nodes and connections, but only when the canvas
 * (or nothing in particular) has focus: never while typing, and not while the user works
 * in another panel, such as the message list.
 */
export function useDeleteKey(): void {
  const { getNodes, getEdges, deleteElements } = useReactFlow();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Delete' && e.key !== 'Backspace') return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target instanceof HTMLElement ? e.target : document.body;
      if (isTextEntry(target)) return;
      if (target !== document.body && !target.closest('.fb-canvas')) return;
      const nodes = getNodes().filter((n) => n.selected);
      const edges = getEdges().filter((x) => x.selected);
      if (nodes.length === 0 && edges.length === 0) return;
      e.preventDefault();
      void deleteElements({ nodes, edges });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [getNodes, getEdges, deleteElements]);
}
