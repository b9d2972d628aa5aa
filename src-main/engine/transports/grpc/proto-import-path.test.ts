import { describe, expect, it } from 'vitest';
import { importCandidates, relativeProtoPath } from './proto-import-path';

describe('relativeProtoPath', () => {
  it('normalises paths that stay inside the folder', () => {
    expect(relativeProtoPath('./a/b/../c.proto', 'import')).toBe('a/c.proto');
    expect(relativeProtoPath(' x.proto ', 'import')).toBe('x.proto');
  });

  it.each([
    ['../x.proto', 'import "../x.proto" points outside the flow\'s folder'],
    ['a/../../x.proto', 'import "a/../../x.proto" points outside the flow\'s folder'],
    [
      '/etc/x.proto',
      'import "/etc/x.proto" is an absolute path; only files inside the flow\'s folder can be used',
    ],
    [
      'C:/x.proto',
      'import "C:/x.proto" is an absolute path; only files inside the flow\'s folder can be used',
    ],
    ['a\\x.proto', 'import "a\\x.proto" uses "\\"; write paths with "/" relative to the flow\'s folder'],
    ['', 'import is empty'],
  ])('refuses %j', (name, message) => {
    expect(() => relativeProtoPath(name, 'import')).toThrow(message);
  });
});

describe('importCandidates', () => {
  it('looks from the folder root first, then beside the importing file', () => {
    expect(importCandidates('api/v1/orders.proto', 'money.proto')).toEqual([
      'money.proto',
      'api/v1/money.proto',
    ]);
    expect(importCandidates('orders.proto', 'shared/money.proto')).toEqual(['shared/money.proto']);
    expect(importCandidates('', 'shared/money.proto')).toEqual(['shared/money.proto']);
  });

  it('refuses climbing out even when beside the importer it would stay inside', () => {
    expect(() => importCandidates('api/orders.proto', '../money.proto')).toThrow(/outside the flow's folder/);
  });
});
