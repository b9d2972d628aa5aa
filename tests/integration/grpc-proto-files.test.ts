import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGrpcClient } from '../../src-main/engine/transports/grpc/grpc-client';
import { startGrpcServer } from '../../src-main/engine/transports/grpc/grpc-server';
import { ProtoError } from '../../src-main/engine/transports/grpc/load-proto';
import { loadFlowProtoService, loadProtoRoot } from '../../src-main/engine/transports/grpc/proto-files';
import { LAB_MESSAGES, LAB_PROTO, labFolder, makeFlowFolder, type FlowFolder } from './helpers/grpc-lab';

const folders: FlowFolder[] = [];
const track = (f: FlowFolder): FlowFolder => {
  folders.push(f);
  return f;
};
afterEach(() => {
  for (const f of folders.splice(0)) f.remove();
});

function protoError(action: () => unknown): ProtoError {
  try {
    action();
  } catch (err) {
    expect(err).toBeInstanceOf(ProtoError);
    return err as ProtoError;
  }
  throw new Error('expected a ProtoError');
}

describe('.proto files of a flow, with imports resolved inside its folder', () => {
  it('loads a service whose messages come from an imported file and a well-known type, and serves it', async () => {
    const folder = track(labFolder());
    const service = loadFlowProtoService({ flowDir: folder.dir, protoFile: 'lab.proto' }, 'lab.v1.Lab');
    expect(service.methods.map((m) => [m.name, m.requestStream, m.responseStream])).toEqual([
      ['Unary', false, false],
      ['ServerStream', false, true],
      ['ClientStream', true, false],
      ['Bidi', true, true],
    ]);
    const echo = { reply: 'echo', delayMs: 0, items: 1, intervalMs: 0, metadata: {}, trailers: {} } as const;
    const server = await startGrpcServer({ service, behaviours: new Map([['Unary', echo]]) });
    const client = createGrpcClient(service, { address: server.address });
    try {
      const at = { seconds: '1700000000', nanos: 5 };
      const result = await client.call('Unary', {
        deadlineMs: 5000,
        request: () => ({ name: 'x', n: 7, at }),
      });
      expect(result).toMatchObject({ ok: true, responses: [expect.objectContaining({ name: 'x', n: 7 })] });
    } finally {
      client.close();
      await server.close(200);
    }
  });

  it('resolves imports from the folder root and beside the importing file', () => {
    const folder = track(
      makeFlowFolder({
        'protos/api/orders.proto':
          'syntax = "proto3";\npackage o;\nimport "protos/shared/money.proto";\nimport "status.proto";\nservice Orders { rpc Get (Money) returns (Status); }\n',
        'protos/shared/money.proto': 'syntax = "proto3";\npackage o;\nmessage Money { int64 cents = 1; }\n',
        'protos/api/status.proto': 'syntax = "proto3";\npackage o;\nmessage Status { string state = 1; }\n',
      }),
    );
    const { files } = loadProtoRoot({ flowDir: folder.dir, protoFile: 'protos/api/orders.proto' });
    expect(files).toEqual([
      'protos/api/orders.proto',
      'protos/shared/money.proto',
      'protos/api/status.proto',
    ]);
  });

  it('inline source: imports resolve relative to the flow folder, inline imports first', () => {
    const folder = track(makeFlowFolder({ 'common/messages.proto': LAB_MESSAGES }));
    const service = loadFlowProtoService({ flowDir: folder.dir, source: LAB_PROTO }, 'lab.v1.Lab');
    expect(service.methods).toHaveLength(4);
    const inlineOnly = loadFlowProtoService(
      { flowDir: null, source: LAB_PROTO, inlineImports: { 'common/messages.proto': LAB_MESSAGES } },
      'lab.v1.Lab',
    );
    expect(inlineOnly.fullName).toBe('lab.v1.Lab');
  });

  it('has the google/protobuf well-known types without any file', () => {
    const source = `syntax = "proto3";
import "google/protobuf/empty.proto";
import "google/protobuf/struct.proto";
import "google/protobuf/duration.proto";
import "google/protobuf/wrappers.proto";
import "google/protobuf/any.proto";
import "google/protobuf/field_mask.proto";
import "google/protobuf/descriptor.proto";
import "google/protobuf/api.proto";
import "google/protobuf/type.proto";
service Admin { rpc Ping (google.protobuf.Empty) returns (google.protobuf.Struct); }
message Meta { google.protobuf.Api api = 1; google.protobuf.Type type = 2; google.protobuf.FileDescriptorProto file = 3; }
message Opts { google.protobuf.Duration d = 1; google.protobuf.StringValue s = 2; google.protobuf.Any a = 3; }
`;
    expect(loadFlowProtoService({ flowDir: null, source }, 'Admin').methods[0].name).toBe('Ping');
  });

  it('refuses an import that climbs out of the folder with ../, naming file and line', () => {
    const folder = track(makeFlowFolder());
    folder.write('../outside.proto', 'syntax = "proto3";\nmessage Secret { string s = 1; }\n');
    folder.write(
      'main.proto',
      'syntax = "proto3";\n\nimport "../outside.proto";\nservice S { rpc A (Secret) returns (Secret); }\n',
    );
    const err = protoError(() => loadProtoRoot({ flowDir: folder.dir, protoFile: 'main.proto' }));
    expect(err.message).toBe(`main.proto:3: import "../outside.proto" points outside the flow's folder`);
    expect(err).toMatchObject({ file: 'main.proto', line: 3 });
  });

  it('refuses an absolute import path', () => {
    const folder = track(makeFlowFolder());
    const abs = folder.write('abs.proto', 'syntax = "proto3";\nmessage M {}\n');
    folder.write('main.proto', `syntax = "proto3";\nimport "${abs}";\n`);
    const err = protoError(() => loadProtoRoot({ flowDir: folder.dir, protoFile: 'main.proto' }));
    expect(err.message).toMatch(
      /^main\.proto:2: import "\/[^"]*abs\.proto" is an absolute path; only files inside the flow's folder/,
    );
  });

  it('refuses an import that leaves the folder through a symbolic link', () => {
    const folder = track(makeFlowFolder());
    const outside = folder.write('../elsewhere/secret.proto', 'syntax = "proto3";\nmessage Secret {}\n');
    symlinkSync(outside, join(folder.dir, 'linked.proto'));
    symlinkSync(join(outside, '..'), join(folder.dir, 'linked-dir'));
    folder.write('main.proto', 'syntax = "proto3";\nimport "linked.proto";\n');
    folder.write('main2.proto', 'syntax = "proto3";\nimport "linked-dir/secret.proto";\n');
    expect(protoError(() => loadProtoRoot({ flowDir: folder.dir, protoFile: 'main.proto' })).message).toBe(
      `main.proto:2: import "linked.proto" resolves through a symbolic link to outside the flow's folder`,
    );
    expect(
      protoError(() => loadProtoRoot({ flowDir: folder.dir, protoFile: 'main2.proto' })).message,
    ).toMatch(/symbolic link to outside/);
  });

  it('accepts a symbolic link that stays inside the folder', () => {
    const folder = track(makeFlowFolder({ 'real/m.proto': 'syntax = "proto3";\nmessage M {}\n' }));
    symlinkSync(join(folder.dir, 'real/m.proto'), join(folder.dir, 'alias.proto'));
    folder.write(
      'main.proto',
      'syntax = "proto3";\nimport "alias.proto";\nservice S { rpc A (M) returns (M); }\n',
    );
    expect(loadFlowProtoService({ flowDir: folder.dir, protoFile: 'main.proto' }, 'S').methods).toHaveLength(
      1,
    );
  });

  it('refuses a protoFile outside the folder and names a missing import with where it looked', () => {
    const folder = track(makeFlowFolder({ 'a/main.proto': 'syntax = "proto3";\nimport "missing.proto";\n' }));
    expect(protoError(() => loadProtoRoot({ flowDir: folder.dir, protoFile: '../x.proto' })).message).toBe(
      `protoFile "../x.proto" points outside the flow's folder`,
    );
    expect(protoError(() => loadProtoRoot({ flowDir: folder.dir, protoFile: 'a' })).message).toBe(
      `protoFile "a" is not a file`,
    );
    expect(protoError(() => loadProtoRoot({ flowDir: folder.dir, protoFile: 'a/main.proto' })).message).toBe(
      `a/main.proto:2: import "missing.proto" not found (looked for missing.proto, a/missing.proto in the flow's folder)`,
    );
  });

  it('reports a syntax error in an imported file with its file, line and column', () => {
    const folder = track(
      makeFlowFolder({
        'main.proto': 'syntax = "proto3";\nimport "types/bad.proto";\nservice S { rpc A (M) returns (M); }\n',
        'types/bad.proto': 'syntax = "proto3";\n\nmessage M {\n  string name = 1\n  int32 n = 2;\n}\n',
      }),
    );
    const err = protoError(() => loadProtoRoot({ flowDir: folder.dir, protoFile: 'main.proto' }));
    expect(err).toMatchObject({ file: 'types/bad.proto', line: 5, column: 3 });
    expect(err.message).toBe(`types/bad.proto:5:3: illegal token 'int32', ';' expected`);
  });

  it('reports an unknown type at the line that uses it, in the file that uses it', () => {
    const folder = track(
      makeFlowFolder({
        'main.proto': 'syntax = "proto3";\nimport "types.proto";\nservice S { rpc A (M) returns (M); }\n',
        'types.proto': 'syntax = "proto3";\n\nmessage M {\n  Money total = 1;\n}\n',
      }),
    );
    const err = protoError(() => loadProtoRoot({ flowDir: folder.dir, protoFile: 'main.proto' }));
    expect(err).toMatchObject({ file: 'types.proto', line: 4, column: 3 });
    expect(err.message).toMatch(/^types\.proto:4:3: no such Type or Enum 'Money'/);
  });
});
