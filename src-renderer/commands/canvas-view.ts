import type { ReactFlowInstance } from '@xyflow/react';
import type { Box } from '../canvas/align';
import type { FlowbenchEdge, FlowbenchNode } from '../canvas/flow-types';

type Point = { x: number; y: number };
type Instance = ReactFlowInstance<FlowbenchNode, FlowbenchEdge>;

/** A node's size before React Flow has measured it (about what a fresh node measures). */
export const DEFAULT_SIZE = { w: 240, h: 96 };

let instance: Instance | null = null;
let pointer: Point | null = null;

/**
 * The canvas registers its React Flow instance here, so commands run from the menu or
 * the keyboard (outside React) can fit, centre and convert coordinates.
 */
export function setCanvasInstance(value: Instance | null): void {
  instance = value;
}

/** The React Flow instance of the canvas, when it is mounted. */
export function canvasInstance(): Instance | null {
  return instance;
}

/** Remembers where the pointer is over the canvas (screen coordinates), or null when it left. */
export function setCanvasPointer(value: Point | null): void {
  pointer = value;
}

/** The flow point under the pointer while it is over the canvas, else null. */
export function pointerFlowPosition(): Point | null {
  return pointer && instance ? instance.screenToFlowPosition(pointer) : null;
}

/** The flow point at the centre of the visible canvas. */
export function viewCentre(): Point {
  const rect = document.querySelector('.fb-canvas')?.getBoundingClientRect();
  const screen = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 400, y: 300 };
  return instance ? instance.screenToFlowPosition(screen) : screen;
}

/** A node's box in flow coordinates (its measured size, or the usual size until measured). */
export function boxOf(n: FlowbenchNode): Box {
  return {
    id: n.id,
    x: n.position.x,
    y: n.position.y,
    w: n.measured?.width ?? n.width ?? DEFAULT_SIZE.w,
    h: n.measured?.height ?? n.height ?? DEFAULT_SIZE.h,
  };
}

/** Lets nodes glide to their next positions (auto-layout) unless the user prefers less motion. */
export function animateNextMove(): void {
  const el = document.querySelector('.fb-canvas');
  if (!el || window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  el.classList.add('fb-canvas--animate');
  setTimeout(() => el.classList.remove('fb-canvas--animate'), 400);
}

/** Centres the view on a node and keeps it readable. */
export function centreOn(n: FlowbenchNode): void {
  if (!instance) return;
  const b = boxOf(n);
  // Nodes inside a group store positions relative to it; React Flow knows the absolute one.
  const abs = instance.getInternalNode(n.id)?.internals.positionAbsolute ?? n.position;
  const zoom = Math.max(instance.getZoom(), 0.8);
  void instance.setCenter(abs.x + b.w / 2, abs.y + b.h / 2, { zoom, duration: 250 });
}
