import { ANNOTATIONS_CATALOG } from './kinds/annotations-catalog';
import { MESSAGING_CATALOG } from './kinds/messaging-catalog';
import { PATTERNS_CATALOG } from './kinds/patterns-catalog';
import { SERVICES_CATALOG } from './kinds/services-catalog';
import type { NodeKind } from './node-kinds';

/** Palette families, in the order the palette shows them. */
export const NODE_FAMILIES = ['Messaging', 'Services', 'Patterns', 'Annotations'] as const;
/** A palette family. */
export type NodeFamily = (typeof NODE_FAMILIES)[number];

/** What the palette, canvas and inspector show for each kind. */
export interface NodeKindInfo {
  kind: NodeKind;
  label: string;
  /** The label with its article, for sentences: "a Kafka topic". */
  noun: string;
  family: NodeFamily;
  /** One line saying what the kind does. */
  description: string;
  /** Accent colour of the node on the canvas. */
  color: string;
  /** Short glyph shown as the node's icon. */
  icon: string;
  /** Extra words the palette search matches (e.g. "amqp" for RabbitMQ kinds). */
  keywords: string;
  /** Fields a user must fill in before the node is valid, with starter values for the palette. */
  starter: Record<string, unknown>;
}

/** Every kind's palette entry. */
export const NODE_CATALOG: Record<NodeKind, NodeKindInfo> = {
  ...MESSAGING_CATALOG,
  ...SERVICES_CATALOG,
  ...PATTERNS_CATALOG,
  ...ANNOTATIONS_CATALOG,
};
