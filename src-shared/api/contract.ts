import { z } from 'zod';
import type { FlowProblem } from '../flow/document';
import type { LatencyBuckets, NodeCounters, RunLogEntry } from '../run/counters';
import { faultList } from '../flow/kinds/faults';
import { environmentSchema, type Environment } from '../run/environment';
import { TEMPLATE_ID_PATTERN, type TemplateDetail, type TemplateSummary } from '../patterns/template-types';
import type { NodeStateView } from '../run/node-state';
import type { SagaInstanceRow } from '../run/saga';
import type { TraceEvent, Transport } from '../trace/events';
import type { EventStoreState, EventStoreStreams } from './event-store-types';
import { importRequests } from './import-requests';
import { replayRequests, type ReplayProgressEvent } from './replay-requests';
import { runsRequests, type RunsEventPayloads } from './runs-requests';
import { exportRequests } from './export-requests';
import { messageRequests, type ExportProgress } from './message-requests';
import { output } from './request-output';
import { environmentRequests } from './environment-requests';

/**
 * The one API between the UI and the engine. Electron IPC and the browser-mode
 * WebSocket are two transports of this contract and add no channels of their own.
 * Every input is parsed with its schema on the engine side before a handler runs.
 */

export type RunState = 'idle' | 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';

export interface AppInfo {
  version: string;
  mode: 'desktop' | 'browser';
  dataDir: string;
  /** Desktop has native open/save dialogs; browser mode picks files in the workspace folder. */
  nativeDialogs: boolean;
}

export interface FileEntry {
  name: string;
  path: string;
  modifiedAt: number;
}

export type FileOpenResult = { canceled: true } | { canceled: false; path: string; text: string };
export type FileSaveResult = { canceled: true } | { canceled: false; path: string };

/** A problem in edited source text, located by 1-based line (and column when known). */
export interface SourceError {
  line: number;
  column?: number;
  message: string;
}

/**
 * A template rendered once by the engine's own template engine, exactly as a run would
 * send it. `json` is the parsed text when it is JSON; otherwise `jsonError` says where not.
 */
export type TemplatePreviewResult =
  | { ok: true; text: string; json?: unknown; jsonError?: SourceError }
  | { ok: false; error: string; line?: number; column?: number };

/** What the recovery file holds: the unsaved flow text, when, and the file it belongs to. */
export interface RecoverySnapshot {
  text: string;
  savedAt: number;
  filePath: string | null;
}

/** A file opened or saved recently, newest first. */
export interface RecentFile {
  name: string;
  path: string;
  openedAt: number;
}

export type RunStartResult = { ok: true; runId: string } | { ok: false; problems: FlowProblem[] };

export interface RunSnapshot {
  runId: string | null;
  state: RunState;
  environment: Environment;
  counters: Record<string, NodeCounters>;
  error?: string;
}

export interface RunSummary {
  id: string;
  flowName: string;
  environment: string;
  state: string;
  startedAt: number;
  endedAt: number | null;
  messageCount: number;
  eventCount: number;
}

export interface MessageRow {
  id: number;
  runId: string;
  ts: number;
  nodeId: string;
  transport: Transport;
  destination: string;
  key: string | null;
  partition: number | null;
  size: number;
  traceId: string;
}

export interface MessageDetail extends MessageRow {
  headers: Record<string, string>;
  /** The payload as UTF-8 text when it is valid UTF-8, else null. */
  payloadText: string | null;
  /** The payload as base64 when it is not valid UTF-8. */
  payloadBase64: string | null;
  /** Every event of this message's trace, in time order. */
  trace: TraceEvent[];
  /**
   * The payload as people read it, when the raw bytes are not: decoded with its channel's
   * contract (protobuf, Avro, Schema Registry framing), or a hex dump of binary. Untrusted text.
   */
  decoded?: { format: string; text: string; schemaId?: number; problem?: string };
}

const runIdSchema = z.string().min(1).max(64);
const nodeIdSchema = z.string().min(1).max(200);

export const requests = {
  ...replayRequests,
  'app.info': { input: z.object({}).strict(), output: output<AppInfo>() },
  'flow.sample': { input: z.object({}).strict(), output: output<{ text: string }>() },
  /** The template gallery's cards (issue 5): one per `resources/templates/<id>.flow.json`. */
  'templates.list': { input: z.object({}).strict(), output: output<{ templates: TemplateSummary[] }>() },
  /** One template's flow text (opened as a new unsaved flow) and its explanation (Markdown). */
  'templates.get': {
    input: z.object({ id: z.string().max(100).regex(TEMPLATE_ID_PATTERN, 'must be a template id') }).strict(),
    output: output<TemplateDetail>(),
  },
  'flow.validate': {
    input: z.object({ flow: z.unknown() }).strict(),
    output: output<{ problems: FlowProblem[] }>(),
  },
  'file.list': { input: z.object({}).strict(), output: output<{ dir: string; files: FileEntry[] }>() },
  'file.open': {
    input: z.object({ path: z.string().min(1).max(4096).optional() }).strict(),
    output: output<FileOpenResult>(),
  },
  'file.save': {
    input: z
      .object({
        path: z.string().min(1).max(4096).optional(),
        suggestedName: z.string().max(255).optional(),
        text: z.string().max(50_000_000),
      })
      .strict(),
    output: output<FileSaveResult>(),
  },
  'file.recent': { input: z.object({}).strict(), output: output<{ files: RecentFile[] }>() },
  'template.preview': {
    input: z
      .object({
        template: z.string().max(1_000_000),
        /** The message number `{{seq}}` renders as (default 1). */
        seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      })
      .strict(),
    output: output<TemplatePreviewResult>(),
  },
  'schema.check': {
    input: z.object({ kind: z.enum(['proto', 'graphql']), source: z.string().max(1_000_000) }).strict(),
    output: output<{ errors: SourceError[] }>(),
  },
  'recovery.save': {
    input: z
      .object({ text: z.string().max(50_000_000), filePath: z.string().min(1).max(4096).nullish() })
      .strict(),
    output: output<{ savedAt: number }>(),
  },
  'recovery.load': { input: z.object({}).strict(), output: output<RecoverySnapshot | null>() },
  'recovery.clear': { input: z.object({}).strict(), output: output<{ cleared: boolean }>() },
  ...environmentRequests,
  'run.start': {
    input: z
      .object({
        flow: z.unknown(),
        environment: environmentSchema.optional(),
        /** The flow's file, so .proto and certificate files beside it can be read (when the host vouches for it). */
        filePath: z.string().min(1).max(4096).optional(),
        /** False: no payloads or trace events recorded, no traceparent added (counters and run log still kept). */
        tracing: z.boolean().optional(),
      })
      .strict(),
    output: output<RunStartResult>(),
  },
  'run.stop': { input: z.object({}).strict(), output: output<{ runId: string | null }>() },
  'run.status': { input: z.object({}).strict(), output: output<RunSnapshot>() },
  /** Pauses sending (producers, timers, clients): all of them, or the listed nodes. */
  'run.pause': {
    input: z.object({ nodeIds: z.array(nodeIdSchema).max(10_000).optional() }).strict(),
    output: output<{ paused: boolean }>(),
  },
  'run.resume': {
    input: z.object({ nodeIds: z.array(nodeIdSchema).max(10_000).optional() }).strict(),
    output: output<{ paused: boolean }>(),
  },
  /** Faults on demand: replaces the injected faults of a node or edge while the run goes. */
  'run.setFaults': {
    input: z.object({ targetId: nodeIdSchema, faults: faultList }).strict(),
    output: output<{ ok: true }>(),
  },
  /** The restart action of a consumer shown as "stopped: reason": restarts its stopped members. */
  'run.restartNode': {
    input: z.object({ nodeId: nodeIdSchema }).strict(),
    output: output<{ restarted: number }>(),
  },
  /**
   * Moves every message of a dead-letter queue (a queue node of the running flow) back to
   * the queue that dead-lettered it; `to` names that queue.
   */
  'run.redrive': {
    input: z.object({ nodeId: nodeIdSchema }).strict(),
    output: output<{ moved: number; to: string }>(),
  },
  /** The current (or last) run's log of warnings and errors, oldest first. */
  'run.log': { input: z.object({}).strict(), output: output<RunLogEntry[]>() },
  /** One node's latency distribution in the current (or last) run. */
  'run.histogram': {
    input: z.object({ nodeId: nodeIdSchema }).strict(),
    output: output<LatencyBuckets>(),
  },
  /** Saga instances of a flow's saga orchestrators (durable across restarts), newest first. */
  'saga.instances': {
    input: z
      .object({
        flowName: z.string().max(200),
        nodeId: nodeIdSchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: output<SagaInstanceRow[]>(),
  },
  /** What a node of the current (or last) run holds in its state steps (e.g. reserved inventory), by store. */
  'run.nodeState': {
    input: z.object({ nodeId: nodeIdSchema }).strict(),
    output: output<NodeStateView>(),
  },
  'runs.list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: output<RunSummary[]>(),
  },
  'messages.list': {
    input: z
      .object({
        runId: runIdSchema,
        /** Return rows with an id below this one (keyset paging, newest first). */
        beforeId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: output<{ rows: MessageRow[]; total: number }>(),
  },
  'messages.get': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: output<MessageDetail | null>(),
  },
  'trace.get': {
    input: z.object({ traceId: z.string().regex(/^[0-9a-f]{32}$/) }).strict(),
    output: output<TraceEvent[]>(),
  },
  /** The streams of an event store node in the current (or last) run. */
  'eventStore.streams': {
    input: z.object({ nodeId: nodeIdSchema }).strict(),
    output: output<EventStoreStreams>(),
  },
  /**
   * A stream's state rebuilt at a point in time: after event number `version`, or as it was at
   * `timestamp` (ms since the epoch); neither gives the latest. Current (or last) run.
   */
  'eventStore.state': {
    input: z
      .object({
        nodeId: nodeIdSchema,
        streamId: z.string().min(1).max(1000),
        version: z.number().int().min(0).optional(),
        timestamp: z.number().int().min(0).optional(),
      })
      .strict()
      .refine((i) => i.version === undefined || i.timestamp === undefined, {
        message: 'give version or timestamp, not both',
      }),
    output: output<EventStoreState>(),
  },
  ...importRequests,
  ...exportRequests,
  ...messageRequests,
  ...runsRequests,
} as const;

export type RequestName = keyof typeof requests;
export type RequestInput<N extends RequestName> = z.input<(typeof requests)[N]['input']>;
export type ParsedInput<N extends RequestName> = z.output<(typeof requests)[N]['input']>;
export type RequestOutput<N extends RequestName> = (typeof requests)[N]['output'];
export const REQUEST_NAMES = Object.keys(requests) as RequestName[];

/** Commands the desktop menu sends to the renderer; each is a command id of the renderer's registry. */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'duplicate',
  'delete',
  'selectAll',
  'zoomToFit',
  'autoLayout',
  'find',
  'shortcuts',
  'newFromTemplate',
  'choosePattern',
  'export',
  'import',
] as const;
/** The `menu.command` payload's command, parsed by the renderer before it runs anything. */
export const menuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** Events pushed from the engine: small, batched summaries; views pull pages themselves. */
export interface EventPayloads extends RunsEventPayloads {
  'run.state': { runId: string; state: RunState; error?: string };
  /** At most every 250 ms while a run goes. */
  'run.counters': { runId: string; at: number; nodes: Record<string, NodeCounters> };
  /** New or counted-up run log lines, pushed with the counters. */
  'run.log': { runId: string; entries: RunLogEntry[] };
  /** New recorded messages exist up to `lastId`. */
  'messages.added': { runId: string; lastId: number; total: number };
  /** A message export's progress, at most every 250 ms, and once when it ends. */
  'messages.exportProgress': ExportProgress;
  /** Desktop menu commands (File, Edit and View items that the renderer carries out). */
  'menu.command': { command: MenuCommand };
  /** Desktop File → Open Recent: the renderer opens this path (asking about unsaved changes). */
  'menu.openRecent': { path: string };
  /** A replay's counts, at most every 200 ms while it goes and once when it ends. */
  'replay.progress': ReplayProgressEvent;
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES: EventName[] = [
  'run.state',
  'run.counters',
  'run.log',
  'messages.added',
  'messages.exportProgress',
  'menu.command',
  'menu.openRecent',
  'replay.progress',
  'runs.deletion',
];

/** The API as the renderer sees it: one method per request, plus event subscriptions. */
export type FlowbenchApi = {
  [N in RequestName]: (input: RequestInput<N>) => Promise<RequestOutput<N>>;
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** Error shape carried over both transports. */
export interface ApiErrorPayload {
  message: string;
  /** `invalid-input` when the contract's schema refused the input. */
  code: 'invalid-input' | 'unknown-request' | 'failed' | 'forbidden';
}
