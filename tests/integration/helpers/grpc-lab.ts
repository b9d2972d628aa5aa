import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A service with one method of each kind; messages come from an imported file. */
export const LAB_PROTO = `syntax = "proto3";

package lab.v1;

import "common/messages.proto";

service Lab {
  rpc Unary (Ping) returns (Pong);
  rpc ServerStream (Ping) returns (stream Pong);
  rpc ClientStream (stream Ping) returns (Pong);
  rpc Bidi (stream Ping) returns (stream Pong);
}
`;

export const LAB_MESSAGES = `syntax = "proto3";

package lab.v1;

import "google/protobuf/timestamp.proto";

message Ping {
  string name = 1;
  int32 n = 2;
}

message Pong {
  string name = 1;
  int32 n = 2;
  string note = 3;
  google.protobuf.Timestamp at = 4;
}
`;

/** A temporary flow folder; `write` adds files by relative path, `remove` deletes it all. */
export interface FlowFolder {
  dir: string;
  write(rel: string, text: string): string;
  remove(): void;
}

export function makeFlowFolder(files: Record<string, string> = {}): FlowFolder {
  const root = mkdtempSync(join(tmpdir(), 'flowbench-grpc-'));
  const dir = join(root, 'flow');
  mkdirSync(dir);
  const folder: FlowFolder = {
    dir,
    write(rel, text) {
      const path = join(dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const [rel, text] of Object.entries(files)) folder.write(rel, text);
  return folder;
}

/** The lab service's files in a fresh flow folder. */
export function labFolder(): FlowFolder {
  return makeFlowFolder({ 'lab.proto': LAB_PROTO, 'common/messages.proto': LAB_MESSAGES });
}
