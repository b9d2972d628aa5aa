import { describe, expect, it } from 'vitest';
import type { TemplateSummary } from '@shared/patterns/template-types';
import { matchesQuery } from './template-search';

const card: TemplateSummary = {
  id: 'message-queue',
  name: 'Message queue',
  summary: 'Each job goes to exactly one of several competing workers.',
  nodeCount: 2,
  families: ['Messaging'],
  kinds: [
    { label: 'RabbitMQ queue', count: 1 },
    { label: 'Consumer', count: 1 },
  ],
  preview: { nodes: [], edges: [] },
};

describe('template search', () => {
  it('matches every word anywhere in the name, summary, id or node kinds, ignoring case', () => {
    expect(matchesQuery(card, '')).toBe(true);
    expect(matchesQuery(card, 'QUEUE workers')).toBe(true);
    expect(matchesQuery(card, 'rabbitmq consumer')).toBe(true);
    expect(matchesQuery(card, 'queue kafka')).toBe(false);
  });
});
