import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFlowText } from '@shared/export/export-flow';
import type { FlowDocument } from '@shared/flow/document';
import { parseFlowText } from '@shared/flow/parse';
import { importDocument } from './import-document';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../tests/fixtures/import', name), 'utf8');

async function importFlow(text: string): Promise<FlowDocument> {
  const res = await importDocument(text);
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  const parsed = parseFlowText(res.text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.flow;
}

/** What the AsyncAPI carries of a flow: channels with their contracts, and what writes and reads each. */
function essence(flow: FlowDocument): unknown {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const channelName = (id: string): string => {
    const n = byId.get(id);
    if (n?.kind === 'kafkaTopic') return `kafka ${n.config.topic}`;
    if (n?.kind === 'rabbitQueue') return `queue ${n.config.queue}`;
    if (n?.kind === 'rabbitExchange') return `exchange ${n.config.exchange}`;
    return `? ${id}`;
  };
  const channels = flow.nodes
    .filter((n) => n.kind === 'kafkaTopic' || n.kind === 'rabbitQueue' || n.kind === 'rabbitExchange')
    .map((n) => {
      const contract = 'contract' in n.config ? n.config.contract : { format: 'none' as const };
      return {
        channel: channelName(n.id),
        schema: contract.format === 'json-schema' ? (JSON.parse(contract.schema) as unknown) : null,
      };
    })
    .sort((a, b) => a.channel.localeCompare(b.channel));
  const links = flow.edges
    .map((e) => {
      const s = byId.get(e.source);
      const t = byId.get(e.target);
      // Names are not compared: the exporter names operations `<node>.send.<channel>`, so they
      // come back as such (node names travel only in the operations' summaries).
      if (s?.kind === 'producer') return `a producer sends to ${channelName(e.target)}`;
      if (t?.kind === 'consumer') return `a consumer receives from ${channelName(e.source)}`;
      return null;
    })
    .filter((l) => l !== null)
    .sort();
  return { channels, links };
}

describe('import → AsyncAPI export → import', () => {
  it.each([
    'streetlights-kafka-asyncapi-3.1.yml',
    'streetlights-kafka-2.5.yml',
    'rpc-server-asyncapi-3.1.yml',
  ])(
    '%s keeps its channels, contracts, producers and consumers',
    async (name) => {
      const first = await importFlow(fixture(name));
      const exported = exportFlowText(first, 'asyncapi');
      const second = await importFlow(exported);
      expect(essence(second)).toEqual(essence(first));
    },
    30_000,
  );
});
