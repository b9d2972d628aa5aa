import { memo, type DragEvent, type KeyboardEvent, type ReactElement, type Ref } from 'react';
import type { NodeKindInfo } from '@shared/flow/node-catalog';
import { PALETTE_MIME } from './palette-dnd';

interface PaletteItemProps {
  info: NodeKindInfo;
  /** The item Tab lands on and Enter in the search box adds (roving tabindex). */
  active: boolean;
  ref?: Ref<HTMLButtonElement>;
  onAdd(info: NodeKindInfo): void;
  onKeyDown(e: KeyboardEvent<HTMLButtonElement>): void;
  onFocus(): void;
}

/** One kind in the palette: drag it onto the canvas, or press it (click, Enter) to add one. */
export const PaletteItem = memo(function PaletteItem({
  info,
  active,
  ref,
  onAdd,
  onKeyDown,
  onFocus,
}: PaletteItemProps): ReactElement {
  return (
    <button
      ref={ref}
      type="button"
      className={`fb-palette__item${active ? ' fb-palette__item--active' : ''}`}
      data-testid={`palette-${info.kind}`}
      draggable
      tabIndex={active ? 0 : -1}
      title={`${info.description}. Drag onto the canvas, or press to add.`}
      onDragStart={(e: DragEvent) => {
        e.dataTransfer.setData(PALETTE_MIME, info.kind);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => onAdd(info)}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <span className="fb-palette__icon" style={{ background: info.color }} aria-hidden="true">
        {info.icon}
      </span>
      <span className="fb-palette__text">
        <span className="fb-palette__label">{info.label}</span>
        <span className="fb-palette__desc">{info.description}</span>
      </span>
    </button>
  );
});
