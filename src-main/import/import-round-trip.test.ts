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
      // Node names travel in each operation's x-flowbench-node, so they come back as they were.
      if (s?.kind === 'producer') return `producer "${s.config.name}" sends to ${channelName(e.target)}`;
      if (t?.kind === 'consumer') return `consumer "${t.config.name}" receives from ${channelName(e.source)}`;
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

  it('a flow whose producer writes to two topics comes back with one producer, named as before', async () => {
    const flow = parseFlowText(
      JSON.stringify({
        version: 2,
        name: 'Fan out',
        nodes: [
          { id: 'p', kind: 'producer', position: { x: 0, y: 0 }, config: { name: 'order intake' } },
          {
            id: 'a',
            kind: 'kafkaTopic',
            position: { x: 300, y: 0 },
            config: { name: 'a', topic: 'orders-a' },
          },
          {
            id: 'b',
            kind: 'kafkaTopic',
            position: { x: 300, y: 200 },
            config: { name: 'b', topic: 'orders-b' },
          },
          {
            id: 'c',
            kind: 'consumer',
            position: { x: 600, y: 0 },
            config: { name: 'billing', group: 'billing' },
          },
        ],
        edges: [
          { id: 'e1', source: 'p', target: 'a' },
          { id: 'e2', source: 'p', target: 'b' },
          { id: 'e3', source: 'a', target: 'c' },
        ],
      }),
    );
    if (!flow.ok) throw new Error(JSON.stringify(flow.problems));
    const back = await importFlow(exportFlowText(flow.flow, 'asyncapi'));
    // Channels come back with the schema the export inferred from the producer's template, so
    // only who writes and reads what is compared here.
    const links = (f: FlowDocument): unknown => (essence(f) as { links: unknown }).links;
    expect(links(back)).toEqual(links(flow.flow));
    expect(back.nodes.filter((n) => n.kind === 'producer')).toHaveLength(1);
    const consumer = back.nodes.find((n) => n.kind === 'consumer');
    expect(consumer?.config).toMatchObject({ name: 'billing', group: 'billing' });
  });
});
