import { useEffect } from 'react';
import { api, appInfo } from './api-holder';
import { COMMANDS, commandForKey } from './commands';

/**
 * Runs commands from the desktop menu and from the keyboard. On desktop the menu owns the
 * accelerators: the page neither runs them (one press must not run twice) nor calls
 * preventDefault (Electron hands only unhandled key events to the menu).
 */
export function useCommandSources(): void {
  useEffect(() => {
    const offMenu = api().on('menu.command', (e) => void COMMANDS[e.command]?.run());
    const onKey = (e: KeyboardEvent): void => {
      if (appInfo().mode === 'desktop') return;
      const command = commandForKey(e);
      if (!command) return;
      e.preventDefault();
      void command.run();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offMenu();
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
