import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { addBundled, wellKnownWithDependencies } from './well-known-protos';

describe('wellKnownWithDependencies', () => {
  it('brings the files a well-known file imports, dependencies first', () => {
    expect(wellKnownWithDependencies('google/protobuf/api.proto').map(([n]) => n)).toEqual([
      'google/protobuf/source_context.proto',
      'google/protobuf/any.proto',
      'google/protobuf/type.proto',
      'google/protobuf/api.proto',
    ]);
    expect(wellKnownWithDependencies('google/protobuf/timestamp.proto').map(([n]) => n)).toEqual([
      'google/protobuf/timestamp.proto',
    ]);
    expect(wellKnownWithDependencies('google/protobuf/nope.proto')).toEqual([]);
    expect(wellKnownWithDependencies('timestamp.proto')).toEqual([]);
  });

  it('every bundled file resolves on its own with its dependencies', () => {
    for (const file of [
      'api',
      'type',
      'descriptor',
      'any',
      'struct',
      'wrappers',
      'field_mask',
      'empty',
      'duration',
    ]) {
      const root = new protobuf.Root();
      for (const [, proto] of wellKnownWithDependencies(`google/protobuf/${file}.proto`))
        addBundled(root, proto);
      expect(() => root.resolveAll(), file).not.toThrow();
    }
  });
});
