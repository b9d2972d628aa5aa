import { describe, expect, it } from 'vitest';
import { BehaviourError } from './behaviour-message';
import { jsonMessage, step, testDeps, textMessage } from './behaviour-test-kit';

describe('transform step', () => {
  it('renders the template over the payload, key and headers', async () => {
    const t = step({
      kind: 'transform',
      template:
        '{"orderId": {{payload.id}}, "who": "{{payload.customer.name}}", "k": "{{key}}", "r": "{{headers.region}}"}',
    });
    const [out] = await t.process(
      jsonMessage({ id: 7, customer: { name: 'Ada "A"' } }, { key: 'k1', headers: { region: 'eu' } }),
    );
    expect(out.json).toEqual({ orderId: 7, who: 'Ada "A"', k: 'k1', r: 'eu' });
    expect(JSON.parse(out.payload.toString())).toEqual(out.json);
    expect(out.key).toBe('k1');
    expect(out.headers).toEqual({ region: 'eu' });
  });

  it('keeps the trace but not what belonged to the old payload', async () => {
    const trace = { traceId: 'c'.repeat(32), spanId: 'd'.repeat(16) };
    const input = { ...jsonMessage({ a: 1 }, { trace, output: 'eu' }), messageId: 9 };
    const [out] = await step({ kind: 'transform', template: '{"b": {{payload.a}}}' }).process(input);
    expect(out).toEqual({
      headers: {},
      payload: Buffer.from('{"b": 1}'),
      json: { b: 1 },
      trace,
      output: 'eu',
    });
  });

  it('keeps the payload as it is with the default template', async () => {
    const [out] = await step({ kind: 'transform' }).process(jsonMessage({ a: [1, { b: null }] }));
    expect(out.json).toEqual({ a: [1, { b: null }] });
  });

  it('renders text output from a payload that is not JSON', async () => {
    const t = step({ kind: 'transform', template: 'got: {{text}}', output: 'text' });
    const [out] = await t.process(textMessage('hello'));
    expect(out.payload.toString()).toBe('got: hello');
    expect(out.json).toBeUndefined();
  });

  it('names the node and field when the template reads the payload of a non-JSON message', async () => {
    const t = step({ kind: 'transform', template: '{"a": {{payload.a}}}' });
    await expect(t.process(textMessage('not json'))).rejects.toThrow(BehaviourError);
    await expect(t.process(textMessage('not json'))).rejects.toThrow(
      /^node "svc", behaviours\[0\]\.template: template failed: the payload is not JSON/,
    );
  });

  it('names the field when the template is bad or renders something that is not JSON', async () => {
    const bad = step({ kind: 'transform', template: '{"a": {{nope(}}}' });
    await expect(bad.process(jsonMessage({}))).rejects.toMatchObject({
      field: 'behaviours[0].template',
      message: expect.stringContaining('template failed: unknown expression'),
    });
    const notJson = step({ kind: 'transform', template: '{"a": {{payload.a}}' });
    await expect(notJson.process(jsonMessage({ a: 1 }))).rejects.toThrow(
      /behaviours\[0\]\.template: the template did not render valid JSON .*set output to text/,
    );
  });

  it('uses the render callback it is given', async () => {
    const deps = testDeps({ render: (tpl, m) => `${tpl}:${m.payload.length}` });
    const [out] = await step({ kind: 'transform', template: 'x', output: 'text' }, deps).process(
      textMessage('abc'),
    );
    expect(out.payload.toString()).toBe('x:3');
  });
});
