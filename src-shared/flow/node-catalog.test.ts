import { describe, expect, it } from 'vitest';
import { NODE_CATALOG, NODE_FAMILIES } from './node-catalog';
import { NODE_KINDS, nodeConfigSchemas } from './node-kinds';

describe('node catalog', () => {
  it('has an entry for every kind, in a known family', () => {
    expect(Object.keys(NODE_CATALOG).sort()).toEqual([...NODE_KINDS].sort());
    for (const kind of NODE_KINDS) {
      const info = NODE_CATALOG[kind];
      expect(info.kind).toBe(kind);
      expect(NODE_FAMILIES).toContain(info.family);
      expect(info.noun).toMatch(/^an? /);
      expect(info.description.length).toBeGreaterThan(10);
      expect(info.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(info.icon.length).toBeGreaterThan(0);
    }
  });

  it('gives each kind its own colour', () => {
    const colours = NODE_KINDS.map((k) => NODE_CATALOG[k].color);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('starts every kind valid: schema defaults plus the starter values', () => {
    for (const kind of NODE_KINDS) {
      const res = nodeConfigSchemas[kind].safeParse(NODE_CATALOG[kind].starter);
      expect(res.success, `${kind}: ${JSON.stringify(res.error?.issues)}`).toBe(true);
    }
  });

  it('keeps the six format 1 kinds and their ids', () => {
    expect(NODE_KINDS).toEqual(
      expect.arrayContaining([
        'producer',
        'consumer',
        'kafkaTopic',
        'rabbitQueue',
        'grpcService',
        'grpcClient',
      ]),
    );
  });
});
