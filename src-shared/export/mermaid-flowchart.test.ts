import { describe, expect, it } from 'vitest';
import { exportTestFlow } from './export-test-flow';
import { flowToMermaid } from './mermaid-flowchart';
import { mermaidText } from './mermaid-text';

describe('flowToMermaid', () => {
  const text = flowToMermaid(exportTestFlow());

  it('writes a left-to-right flowchart titled with the flow name, codes for unsafe characters', () => {
    expect(text.split('\n').slice(0, 4)).toEqual([
      '---',
      'title: "Orders #lt;&#gt; #quot;test#quot;#59; #35;1"',
      '---',
      'flowchart LR',
    ]);
  });

  it('gives every node a prefixed id (a node named "end" cannot close a subgraph) and a kind shape', () => {
    expect(text).toContain('n_prod(["orders #lt;in#gt;<br/><small>Producer</small>"])');
    expect(text).toContain('n_ex{{"orders-x<br/><small>RabbitMQ exchange</small>"}}');
    expect(text).toContain('n_topic[("audit<br/><small>Kafka topic</small>")]');
    expect(text).toContain('n_worker(["end<br/><small>Consumer</small>"])');
  });

  it('draws a group as a subgraph around its members and leaves notes out', () => {
    expect(text).toMatch(/subgraph n_ctx \["Billing & co"\]\n\s+n_worker\(.*\n\s+end\n/);
    expect(text).not.toContain('memo');
  });

  it('connects nodes with the canvas edge labels', () => {
    expect(text).toContain('n_ex -->|"order.#35;"| n_q');
    expect(text).toContain('n_topic --> n_reader');
    expect(text.match(/-->/g)).toHaveLength(5);
  });

  it('colours nodes by kind', () => {
    expect(text).toContain('classDef kafkaTopic fill:#f59e0b');
    expect(text).toContain('class n_worker,n_reader consumer');
  });

  it('exports only the selection', () => {
    const part = flowToMermaid(exportTestFlow(), { selection: ['ex', 'q'] });
    expect(part).toContain('n_ex -->|"order.#35;"| n_q');
    expect(part).not.toContain('n_prod');
  });

  it('codes each unsafe character once', () => {
    expect(mermaidText('a#b;c"d<e>\nf')).toBe('a#35;b#59;c#quot;d#lt;e#gt; f');
  });
});
