import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFlowStore } from '../canvas/flow-store';
import { windowTitle } from '../files/file-names';

/** Keeps `document.title` as `<file or flow name> — Flowbench`, with `● ` when unsaved. */
export function useWindowTitle(): void {
  const { filePath, name, dirty } = useFlowStore(
    useShallow((s) => ({ filePath: s.filePath, name: s.name, dirty: s.dirty })),
  );
  useEffect(() => {
    document.title = windowTitle(filePath, name, dirty);
  }, [filePath, name, dirty]);
}
