import type { FlowEdge, FlowNode } from '@shared/flow/document';
import type { FlowMessage } from '../runtime/graph/flow-message';
import type { ChannelActor } from '../runtime/graph/node-actor';
import { publishInto } from '../runtime/graph/publish-into';
import type { Run } from '../runtime/run';
import { ndjsonLines, parseImportLine } from './ndjson-lines';

const BATCH = 500;
const MAX_PROBLEMS = 20;

/** What an import did. */
export interface ImportResult {
  sent: number;
  problems: string[];
}

function channelOf(run: Run, nodeId: string): ChannelActor {
  const actor = run.graph.actors.get(nodeId) as Partial<ChannelActor> | undefined;
  if (!actor) throw new Error(`node "${nodeId}" is not in the running flow`);
  if (actor.channel !== true) throw new Error(`node "${nodeId}" is not a topic, queue or exchange`);
  if (actor.failed) throw new Error(`node "${nodeId}" failed: ${actor.failed}`);
  return actor as ChannelActor;
}

/**
 * Produces every message of an NDJSON text into a topic, queue or exchange node of the
 * running flow, on the run's own broker connection, each recorded and traced like any
 * other produce (from a node named "import"). The whole file is checked first: with any bad
 * line nothing is sent, and the problems name their lines.
 */
export async function importMessages(
  run: Run,
  nodeId: string,
  text: string,
  routingKey?: string,
): Promise<ImportResult> {
  const channel = channelOf(run, nodeId);
  const problems: string[] = [];
  let count = 0;
  for (const { line, lineNo } of ndjsonLines(text)) {
    try {
      parseImportLine(line, lineNo);
      count++;
    } catch (err) {
      if (problems.length < MAX_PROBLEMS) problems.push((err as Error).message);
    }
  }
  if (problems.length > 0) return { sent: 0, problems };
  if (count === 0) return { sent: 0, problems: ['the file holds no messages (one JSON value per line)'] };
  const from = {
    id: 'import',
    kind: 'producer',
    position: { x: 0, y: 0 },
    config: { name: 'import' },
  } as unknown as FlowNode;
  const edge = {
    id: `import->${nodeId}`,
    source: 'import',
    target: nodeId,
    ...(routingKey ? { config: { routingKey } } : {}),
  } as FlowEdge;
  let sent = 0;
  let batch: FlowMessage[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const ok = await publishInto(run.ctx, from, channel, edge, batch);
    if (!ok)
      throw new Error(`the broker refused messages ${sent + 1}–${sent + batch.length} (see the run log)`);
    sent += batch.length;
    batch = [];
  };
  for (const { line, lineNo } of ndjsonLines(text)) {
    const m = parseImportLine(line, lineNo);
    batch.push({ key: m.key, headers: m.headers, payload: m.payload, trace: null });
    if (batch.length === BATCH) await flush();
  }
  await flush();
  return { sent, problems: [] };
}
