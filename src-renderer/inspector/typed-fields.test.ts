import { describe, expect, it } from 'vitest';
import { edgeConfigSchema } from '@shared/flow/edge-config';
import { describeField, fieldsOf } from './field-model';
import { moveItem } from './list-edits';

describe('typed lists from discriminated unions', () => {
  it('gives node faults one variant per fault kind, with its fields and an enabled switch', () => {
    const faults = fieldsOf('producer').find((f) => f.key === 'faults');
    expect(faults).toMatchObject({
      control: 'typedList',
      itemNoun: 'fault',
      discriminator: 'kind',
      toggleKey: 'enabled',
    });
    expect(faults?.variants?.map((v) => [v.kind, v.label])).toEqual([
      ['latency', 'Latency'],
      ['error', 'Error'],
      ['drop', 'Drop'],
      ['duplicate', 'Duplicate'],
      ['reorder', 'Reorder'],
      ['failFirst', 'Fail the first N'],
    ]);
    const drop = faults?.variants?.find((v) => v.kind === 'drop');
    // kind and enabled live on the card's title bar, not as fields.
    expect(drop?.fields.map((f) => [f.key, f.control])).toEqual([['probability', 'number']]);
    expect(drop?.newItem()).toEqual({ kind: 'drop', enabled: true, probability: 0.1 });
    const error = faults?.variants?.find((v) => v.kind === 'error');
    expect(error?.fields.find((f) => f.key === 'error')).toMatchObject({ control: 'object' });
    expect(error?.fields.find((f) => f.key === 'error')?.newItem?.()).toMatchObject({
      kafka: { code: 'NOT_LEADER_FOR_PARTITION' },
      http: { status: 503 },
    });
  });

  it('gives behaviours their step kinds, without a switch, and nested lists inside a step', () => {
    const steps = fieldsOf('restService').find((f) => f.key === 'behaviours');
    expect(steps).toMatchObject({ control: 'typedList', itemNoun: 'behaviour', toggleKey: undefined });
    expect(steps?.variants?.map((v) => v.kind)).toEqual([
      'transform',
      'route',
      'filter',
      'enrich',
      'split',
      'aggregate',
      'delay',
      'fail',
      'state',
      'recover',
    ]);
    const route = steps?.variants?.find((v) => v.kind === 'route');
    expect(route?.fields.find((f) => f.key === 'routes')).toMatchObject({ control: 'list' });
    const enrich = steps?.variants?.find((v) => v.kind === 'enrich');
    expect(enrich?.fields.find((f) => f.key === 'target')).toMatchObject({ nodeRef: true });
    expect(steps?.variants?.find((v) => v.kind === 'transform')?.fields[0]).toMatchObject({
      key: 'template',
      control: 'textarea',
    });
    // A refined variant (aggregate) still gets its defaults.
    expect(steps?.variants?.find((v) => v.kind === 'aggregate')?.newItem()).toMatchObject({
      kind: 'aggregate',
      count: 10,
    });
  });

  it('offers faults on edges and a contract control on destinations', () => {
    expect(describeField('faults', edgeConfigSchema.shape.faults)).toMatchObject({ control: 'typedList' });
    for (const kind of ['kafkaTopic', 'rabbitQueue', 'rabbitExchange'] as const) {
      expect(fieldsOf(kind).find((f) => f.key === 'contract')).toMatchObject({
        control: 'contract',
        label: 'Message contract',
      });
    }
    const routes = fieldsOf('restService').find((f) => f.key === 'routes');
    expect(routes?.fields?.find((f) => f.key === 'contract')?.control).toBe('contract');
  });
});

describe('moveItem', () => {
  it('moves one item and leaves the input as it was', () => {
    const items = ['a', 'b', 'c'];
    expect(moveItem(items, 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(items, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(items).toEqual(['a', 'b', 'c']);
  });
});
