import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecoveryFile, RECOVERY_FILE_NAME } from './recovery-file';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'flowbench-recovery-test-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('recovery file', () => {
  it('saves, loads and clears a snapshot', async () => {
    const recovery = createRecoveryFile(dataDir);
    expect(await recovery.load()).toBeNull();
    expect(await recovery.save('{"a":1}', '/flows/a.flow.json', 1234)).toEqual({ savedAt: 1234 });
    expect(await recovery.load()).toEqual({ text: '{"a":1}', savedAt: 1234, filePath: '/flows/a.flow.json' });
    await recovery.save('{"a":2}', null, 1300);
    expect(await recovery.load()).toEqual({ text: '{"a":2}', savedAt: 1300, filePath: null });
    expect(await recovery.clear()).toBe(true);
    expect(await recovery.load()).toBeNull();
    expect(await recovery.clear()).toBe(false);
  });

  it('writes atomically: no temp files stay behind', async () => {
    const recovery = createRecoveryFile(dataDir);
    await Promise.all([recovery.save('one', null), recovery.save('two', null), recovery.save('three', null)]);
    expect(await readdir(dataDir)).toEqual([RECOVERY_FILE_NAME]);
    expect(['one', 'two', 'three']).toContain((await recovery.load())?.text);
  });

  it('treats a torn or foreign file as no snapshot', async () => {
    const recovery = createRecoveryFile(dataDir);
    await writeFile(join(dataDir, RECOVERY_FILE_NAME), '{"text": "half');
    expect(await recovery.load()).toBeNull();
    await writeFile(join(dataDir, RECOVERY_FILE_NAME), '{"text": 5}');
    expect(await recovery.load()).toBeNull();
  });
});
