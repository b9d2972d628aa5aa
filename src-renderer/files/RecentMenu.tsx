import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { RecentFile } from '@shared/api/contract';
import { api, errorText } from '../app/api-holder';
import { openRecent } from './file-actions';
import './file-toolbar.css';

type Listing = { files: RecentFile[] } | { error: string } | null;

/**
 * File → Open Recent in the toolbar: a menu of the files opened or saved last (asked from
 * the host each time it opens, so it is never stale). Arrow keys move, Escape closes.
 */
export function RecentMenu(): ReactElement {
  const [open, setOpen] = useState(false);
  const [listing, setListing] = useState<Listing>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // The desktop File → Open Recent menu lands here too, so both open files the same way.
  useEffect(
    () =>
      api().on('menu.openRecent', (e) => {
        if (typeof e?.path === 'string') void openRecent(e.path);
      }),
    [],
  );

  useEffect(() => {
    if (!open) return;
    let live = true;
    const listRecent = api()['file.recent'];
    listRecent({})
      .then((res) => live && setListing({ files: res.files }))
      .catch((err: unknown) => live && setListing({ error: errorText(err) }));
    const onPointer = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => {
      live = false;
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  // Focus the first entry once the list is there, as menus do.
  useEffect(() => {
    if (open && listing) root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open, listing]);

  const close = (): void => {
    setOpen(false);
    setListing(null);
    button.current?.focus();
  };
  const choose = (path: string): void => {
    close();
    void openRecent(path);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const items = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    }
  };

  return (
    <div className="fb-recent" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="fb-btn fb-btn--ghost fb-recent__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="Recent files"
        title="Open a recent file"
        onClick={() => (open ? close() : setOpen(true))}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="fb-recent__menu" role="menu" aria-label="Recent files">
          {listing === null && <p className="fb-recent__note">Loading…</p>}
          {listing && 'error' in listing && (
            <p className="fb-recent__note fb-error-text">Could not list recent files: {listing.error}</p>
          )}
          {listing && 'files' in listing && listing.files.length === 0 && (
            <p className="fb-recent__note">No recent files yet. Files you open or save appear here.</p>
          )}
          {listing &&
            'files' in listing &&
            listing.files.map((f) => (
              <button
                key={f.path}
                type="button"
                role="menuitem"
                className="fb-recent__item"
                title={f.path}
                onClick={() => choose(f.path)}
              >
                <span className="fb-recent__name">{f.name}</span>
                <span className="fb-recent__path">{f.path}</span>
              </button>
            ))}
        </div>
      )}
    </div>
  );
}
