import { describe, expect, it } from 'vitest';
import { serializeFlow } from '../flow/parse';
import { summarizeTemplate, templateName, templateProblems, templateSummaryLine } from './template-summary';

const EXPLANATION = `# Message queue

Work goes to **one** consumer at a time. Failed work is retried.

## When to use
- Jobs
`;

const flow = (nodes: unknown[], edges: unknown[] = []): string =>
  JSON.stringify({ version: 2, name: 't', nodes, edges });

describe('template summaries', () => {
  it('takes the name from the heading and the summary from the first sentence, without Markdown', () => {
    expect(templateName('message-queue', EXPLANATION)).toBe('Message queue');
    expect(templateName('message-queue', 'no heading')).toBe('message queue');
    expect(templateSummaryLine(EXPLANATION)).toBe('Work goes to one consumer at a time.');
  });

  it('counts nodes by kind and family, leaving groups and notes out, with a thumbnail in absolute positions', () => {
    const text = flow(
      [
        { id: 'g', kind: 'group', position: { x: 100, y: 100 }, config: { name: 'g' } },
        { id: 'p', kind: 'producer', position: { x: 10, y: 20 }, parentId: 'g', config: {} },
        { id: 't', kind: 'kafkaTopic', position: { x: 300, y: 0 }, config: { topic: 'orders' } },
        { id: 'n', kind: 'note', position: { x: 0, y: 0 }, config: {} },
      ],
      [{ id: 'e', source: 'p', target: 't' }],
    );
    const s = summarizeTemplate('x', text, EXPLANATION);
    expect(s.nodeCount).toBe(2);
    expect(s.families).toEqual(['Messaging']);
    expect(s.kinds.map((k) => k.label)).toEqual(['Producer', 'Kafka topic']);
    expect(s.preview.nodes.map((n) => [n.x, n.y])).toEqual([
      [110, 120],
      [300, 0],
    ]);
    expect(s.preview.edges).toEqual([[0, 1]]);
  });

  it('names the template and the problem when its flow does not parse', () => {
    expect(() =>
      summarizeTemplate('broken', '{"version": 2, "nodes": [{"id": "a", "kind": "nope"}]}', ''),
    ).toThrow(/^template broken: nodes\[0\]\.kind: must be one of/);
  });

  it('lists parse problems and design findings; a clean flow has none', () => {
    expect(templateProblems('not json')[0]).toMatch(/not valid JSON/);
    const lonely = flow([{ id: 't', kind: 'kafkaTopic', position: { x: 0, y: 0 }, config: { topic: 'a' } }]);
    expect(templateProblems(lonely).join('\n')).toMatch(/topic-without-reader/);
    expect(templateProblems(serializeFlow({ version: 2, name: 'empty', nodes: [], edges: [] }))).toEqual([]);
  });
});
