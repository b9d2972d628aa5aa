import type { Environment } from '../run/environment';
import type { TraceEvent } from '../trace/events';

/** Every format a flow can be exported to. `mermaid-trace` is one recorded trace, not the flow. */
export const EXPORT_FORMATS = [
  'svg',
  'png',
  'mermaid',
  'mermaid-trace',
  'asyncapi',
  'compose',
  'flow',
] as const;
/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Background of a drawn export: the canvas's light or dark theme, or none. */
export const EXPORT_BACKGROUNDS = ['light', 'dark', 'transparent'] as const;
export type ExportBackground = (typeof EXPORT_BACKGROUNDS)[number];

/** PNG pixel ratios offered. */
export const EXPORT_SCALES = [1, 2, 4] as const;
export type ExportScale = (typeof EXPORT_SCALES)[number];

/** A measured node box (the canvas knows these; headless exports estimate them). */
export interface NodeBox {
  width: number;
  height: number;
}

/** Turns SVG text into PNG bytes at a pixel ratio (canvas in the renderer, resvg headless). */
export type Rasterize = (svg: string, scale: number) => Promise<Uint8Array>;

/** What every exporter may be told; each reads only the fields that concern it. */
export interface ExportOptions {
  /** Only these node ids (and the edges between them); empty or absent means the whole flow. */
  selection?: readonly string[];
  /** Drawn formats: light, dark or transparent (default light). */
  background?: ExportBackground;
  /** Drawn formats: the theme nodes are drawn in when the background is transparent (default light). */
  theme?: 'light' | 'dark';
  /** PNG pixel ratio (default 1). */
  scale?: number;
  /** Sizes measured on the canvas, by node id; others are estimated from the node's rows. */
  sizes?: Readonly<Record<string, NodeBox>>;
  /** AsyncAPI servers and compose ports come from here (default: the local brokers). */
  environment?: Environment;
  /** AsyncAPI: recorded payloads by destination (topic, queue or exchange name), to infer schemas. */
  samples?: Readonly<Record<string, readonly unknown[]>>;
  /** mermaid-trace: the events of one trace. */
  trace?: readonly TraceEvent[];
  /** PNG: how to rasterize the SVG (required for png). */
  rasterize?: Rasterize;
}

/** An export ready to be written or copied: text, or bytes for PNG. */
export type ExportResult = {
  format: ExportFormat;
  /** A file name to suggest, from the flow name and the format's extension. */
  fileName: string;
  mimeType: string;
} & ({ kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array });

/** File extension and media type of each format. */
export const EXPORT_FILE_TYPES: Record<ExportFormat, { extension: string; mimeType: string; label: string }> =
  {
    svg: { extension: '.svg', mimeType: 'image/svg+xml', label: 'SVG image (vector)' },
    png: { extension: '.png', mimeType: 'image/png', label: 'PNG image' },
    mermaid: { extension: '.mmd', mimeType: 'text/plain', label: 'Mermaid flowchart' },
    'mermaid-trace': {
      extension: '.trace.mmd',
      mimeType: 'text/plain',
      label: 'Mermaid sequence diagram of a trace',
    },
    asyncapi: { extension: '.asyncapi.yaml', mimeType: 'application/yaml', label: 'AsyncAPI 3.0 document' },
    compose: {
      extension: '.docker-compose.yml',
      mimeType: 'application/yaml',
      label: 'docker-compose.yml for its brokers',
    },
    flow: { extension: '.flow.json', mimeType: 'application/json', label: 'Flow file' },
  };
