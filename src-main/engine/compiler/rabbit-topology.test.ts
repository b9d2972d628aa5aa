import { describe, expect, it } from 'vitest';
import { parseFlowValue } from '@shared/flow/parse';
import { rabbitTopology } from './rabbit-topology';

function parsed(nodes: unknown[], edges: unknown[]): Parameters<typeof rabbitTopology>[0] {
  const result = parseFlowValue({ version: 2, name: 't', nodes, edges });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.flow;
}

const at = { x: 0, y: 0 };

describe('rabbit topology from a flow', () => {
  it('reads exchanges, queues with their arguments, and one binding per exchange edge by exchange type', () => {
    const flow = parsed(
      [
        { id: 'd', kind: 'rabbitExchange', position: at, config: { exchange: 'orders', type: 'direct' } },
        { id: 't', kind: 'rabbitExchange', position: at, config: { exchange: 'events', type: 'topic' } },
        {
          id: 'f',
          kind: 'rabbitExchange',
          position: at,
          config: { exchange: 'all', type: 'fanout', durable: false },
        },
        { id: 'h', kind: 'rabbitExchange', position: at, config: { exchange: 'hdr', type: 'headers' } },
        {
          id: 'q1',
          kind: 'rabbitQueue',
          position: at,
          config: {
            queue: 'work',
            messageTtlMs: 500,
            maxLength: 10,
            overflow: 'reject-publish',
            deadLetter: 'dead-q',
            maxDeliveries: 3,
          },
        },
        {
          id: 'q2',
          kind: 'rabbitQueue',
          position: at,
          config: { name: 'dead-q', queue: 'work.dlq', queueType: 'quorum' },
        },
        {
          id: 'q3',
          kind: 'rabbitQueue',
          position: at,
          config: { queue: 'audit', deadLetter: 'all', deadLetterRoutingKey: 'x' },
        },
      ],
      [
        { id: 'e1', source: 'd', target: 'q1', config: { routingKey: 'created' } },
        { id: 'e2', source: 't', target: 'q3', config: { pattern: 'orders.#' } },
        { id: 'e3', source: 'f', target: 'q3' },
        {
          id: 'e4',
          source: 'h',
          target: 'q1',
          config: { headerMatch: { xMatch: 'any', headers: { region: 'eu' } } },
        },
        { id: 'e5', source: 'd', target: 'f', config: { routingKey: 'copy' } },
      ],
    );
    const topology = rabbitTopology(flow);
    expect(topology.exchanges).toEqual([
      { exchange: 'orders', type: 'direct', durable: true },
      { exchange: 'events', type: 'topic', durable: true },
      { exchange: 'all', type: 'fanout', durable: false },
      { exchange: 'hdr', type: 'headers', durable: true },
    ]);
    expect(topology.queues[0]).toMatchObject({
      queue: 'work',
      queueType: 'classic',
      messageTtlMs: 500,
      maxLength: 10,
      overflow: 'reject-publish',
      deadLetterExchange: '',
      deadLetterRoutingKey: 'work.dlq',
      maxDeliveries: 3,
    });
    // Quorum queues are durable whatever the checkbox says.
    expect(topology.queues[1]).toMatchObject({ queue: 'work.dlq', queueType: 'quorum', durable: true });
    expect(topology.queues[2]).toMatchObject({ deadLetterExchange: 'all', deadLetterRoutingKey: 'x' });
    expect(topology.bindings).toEqual([
      { exchange: 'orders', destination: 'work', destinationType: 'queue', routingKey: 'created' },
      { exchange: 'events', destination: 'audit', destinationType: 'queue', routingKey: 'orders.#' },
      { exchange: 'all', destination: 'audit', destinationType: 'queue' },
      {
        exchange: 'hdr',
        destination: 'work',
        destinationType: 'queue',
        headerMatch: { xMatch: 'any', headers: { region: 'eu' } },
      },
      { exchange: 'orders', destination: 'all', destinationType: 'exchange', routingKey: 'copy' },
    ]);
    expect(topology.prefetch).toEqual({ work: 50, 'work.dlq': 50, audit: 50 });
  });
});
