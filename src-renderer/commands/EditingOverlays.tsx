import { useCallback, type ReactElement } from 'react';
import { ContextMenu } from '../canvas/ContextMenu';
import { FindBox } from '../canvas/FindBox';
import { QuickAdd } from '../canvas/QuickAdd';
import { CommandMenu } from './CommandMenu';
import { useOverlayStore } from './overlay-store';
import { ShortcutsSheet } from './ShortcutsSheet';

/** Whichever editing overlay is open: find, quick-add, shortcuts, Align or a context menu. */
export function EditingOverlays(): ReactElement | null {
  const overlay = useOverlayStore((s) => s.overlay);
  const closeStore = useOverlayStore((s) => s.close);
  // Stable, so menus do not re-subscribe their outside-click listeners on every render.
  const close = useCallback(() => closeStore(), [closeStore]);
  switch (overlay?.kind) {
    case 'find':
      return <FindBox onClose={close} />;
    case 'shortcuts':
      return <ShortcutsSheet onClose={close} />;
    case 'quick-add':
      return <QuickAdd screen={overlay.screen} flow={overlay.flow} onClose={close} />;
    case 'context-menu':
      return (
        <ContextMenu target={overlay.target} screen={overlay.screen} flow={overlay.flow} onClose={close} />
      );
    case 'align-menu':
      return (
        <CommandMenu
          label="Align"
          entries={[
            'alignLeft',
            'alignCentre',
            'alignRight',
            '-',
            'alignTop',
            'alignMiddle',
            'alignBottom',
            '-',
            'distributeHorizontally',
            'distributeVertically',
          ]}
          at={overlay.screen}
          ctx={{ source: 'toolbar' }}
          onClose={close}
        />
      );
    default:
      return null;
  }
}
