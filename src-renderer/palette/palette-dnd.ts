import { NODE_KINDS, type NodeKind } from '@shared/flow/node-kinds';

/** The drag data type of a palette item; the canvas only accepts drops that carry it. */
export const PALETTE_MIME = 'application/x-flowbench-kind';

export function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as string[]).includes(value);
}
