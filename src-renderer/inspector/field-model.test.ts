import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '@shared/flow/node-kinds';
import { errorFor, fieldsOf, humanize } from './field-model';

describe('fieldsOf', () => {
  it('maps schema types to controls in declaration order', () => {
    expect(fieldsOf('producer').map((f) => [f.key, f.control])).toEqual([
      ['name', 'text'],
      ['rate', 'number'],
      ['count', 'number'],
      ['key', 'text'],
      ['payload', 'textarea'],
      ['headers', 'map'],
      ['partitioner', 'select'],
      ['partition', 'number'],
      ['acks', 'select'],
      ['compression', 'select'],
      ['idempotent', 'checkbox'],
      ['fromContract', 'checkbox'],
      ['faults', 'typedList'],
    ]);
    expect(fieldsOf('producer').find((f) => f.key === 'count')?.integer).toBe(true);
    expect(fieldsOf('producer').find((f) => f.key === 'rate')?.integer).toBe(false);
    expect(fieldsOf('consumer').find((f) => f.key === 'fromBeginning')?.control).toBe('checkbox');
    expect(fieldsOf('grpcService').find((f) => f.key === 'responses')).toMatchObject({
      control: 'map',
      longValues: true,
    });
  });

  it('has a form for every kind with a label for each field', () => {
    for (const kind of NODE_KINDS) {
      const fields = fieldsOf(kind);
      expect(fields.length).toBeGreaterThan(1);
      for (const f of fields) expect(f.label).toMatch(/^[A-Z]/);
    }
  });

  it('labels topic and rate as the tests look them up', () => {
    expect(fieldsOf('kafkaTopic').map((f) => f.label)).toContain('Topic');
    expect(fieldsOf('producer').map((f) => f.label)).toContain('Rate');
  });
});

describe('fieldsOf the newer kinds', () => {
  it('maps enums to selects, lists of objects to item forms and nested objects to fieldsets', () => {
    const rest = fieldsOf('restService');
    const routes = rest.find((f) => f.key === 'routes');
    expect(routes).toMatchObject({ control: 'list', itemNoun: 'route' });
    expect(routes?.fields?.map((f) => [f.key, f.control])).toEqual([
      ['method', 'select'],
      ['path', 'text'],
      ['status', 'number'],
      ['response', 'textarea'],
      ['latencyMs', 'number'],
      ['contract', 'contract'],
      ['headers', 'map'],
      ['appendTo', 'text'],
      ['readModel', 'text'],
      ['readModelKey', 'text'],
    ]);
    expect(routes?.fields?.[0].options).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
    expect(routes?.newItem?.()).toMatchObject({ method: 'GET', status: 200 });
    const policy = fieldsOf('meshPolicy');
    expect(policy.find((f) => f.key === 'retries')?.fields?.map((f) => f.key)).toEqual([
      'attempts',
      'backoffMs',
      'budgetPercent',
    ]);
    expect(fieldsOf('eventStore').find((f) => f.key === 'streams')?.control).toBe('strings');
    const bindings = fieldsOf('graphqlService').find((f) => f.key === 'bindings');
    expect(bindings).toMatchObject({ control: 'list', itemNoun: 'binding' });
    expect(bindings?.fields?.find((f) => f.key === 'action')?.options).toEqual([
      'publish',
      'subscribe',
      'call',
    ]);
    expect(bindings?.fields?.find((f) => f.key === 'node')).toMatchObject({ control: 'text', nodeRef: true });
  });

  it('takes labels and hints from the schema, and hides what the canvas sets', () => {
    const queue = fieldsOf('rabbitQueue');
    expect(queue.find((f) => f.key === 'deadLetter')).toMatchObject({
      label: 'Dead-letter target',
      nodeRef: true,
    });
    expect(queue.find((f) => f.key === 'messageTtlMs')?.hint).toMatch(/until they are consumed/);
    expect(fieldsOf('group').map((f) => f.key)).toEqual(['name', 'description']);
    expect(fieldsOf('note').find((f) => f.key === 'text')).toMatchObject({
      control: 'textarea',
      label: 'Text (Markdown)',
    });
  });
});

describe('humanize / errorFor', () => {
  it('turns camelCase into words', () => {
    expect(humanize('fromBeginning')).toBe('From beginning');
    expect(humanize('someLongName')).toBe('Some long name');
  });

  it('finds nested errors', () => {
    expect(errorFor({ topic: 'is required' }, 'topic')).toBe('is required');
    expect(errorFor({ 'headers.x': 'must be a string' }, 'headers')).toBe('x: must be a string');
    expect(errorFor({}, 'topic')).toBeUndefined();
    expect(errorFor({ 'routes[0].path': 'must start with "/"' }, 'routes')).toBe(
      '[0].path: must start with "/"',
    );
  });
});
