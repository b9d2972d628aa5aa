import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requests } from '@shared/api/contract';
import { createBrowserExportHandlers } from './export-save-browser';
import { sanitizeExportFileName } from './export-files';

describe('export.save in browser mode', () => {
  let dataDir = '';
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fb-export-save-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes into the workspace flows folder without overwriting an earlier export', async () => {
    const save = createBrowserExportHandlers(dataDir)['export.save'];
    const first = await save({ format: 'mermaid', suggestedName: 'orders.mmd', text: 'flowchart LR' });
    const second = await save({ format: 'mermaid', suggestedName: 'orders.mmd', text: 'flowchart TD' });
    expect(first).toEqual({ canceled: false, path: join(dataDir, 'flows', 'orders.mmd') });
    expect(second).toEqual({ canceled: false, path: join(dataDir, 'flows', 'orders-2.mmd') });
    expect(await readFile(join(dataDir, 'flows', 'orders.mmd'), 'utf8')).toBe('flowchart LR');
  });

  it('writes PNG bytes sent as base64', async () => {
    const save = createBrowserExportHandlers(dataDir)['export.save'];
    const bytes = Buffer.from([137, 80, 78, 71, 0, 255]);
    await save({ format: 'png', suggestedName: 'a', base64: bytes.toString('base64') });
    expect(await readFile(join(dataDir, 'flows', 'a.png'))).toEqual(bytes);
    expect(await readdir(join(dataDir, 'flows'))).toEqual(['a.png']);
  });

  it('keeps names inside the folder and gives them the format extension', () => {
    expect(sanitizeExportFileName('../../etc/passwd', 'svg')).toBe('passwd.svg');
    expect(sanitizeExportFileName('..\\..\\x.yaml', 'asyncapi')).toBe('x.yaml.asyncapi.yaml');
    expect(sanitizeExportFileName('.hidden', 'compose')).toBe('hidden.docker-compose.yml');
    expect(sanitizeExportFileName('Orders: v2?.svg', 'svg')).toBe('Orders- v2-.svg');
    expect(sanitizeExportFileName('...', 'png')).toBe('flow.png');
  });

  it('refuses a request with both text and base64, or neither, at the contract', () => {
    const schema = requests['export.save'].input;
    expect(schema.safeParse({ format: 'svg', suggestedName: 'a', text: 'x', base64: 'eA==' }).success).toBe(
      false,
    );
    expect(schema.safeParse({ format: 'svg', suggestedName: 'a' }).success).toBe(false);
    expect(schema.safeParse({ format: 'png', suggestedName: 'a', base64: 'not base64!' }).success).toBe(
      false,
    );
    expect(schema.safeParse({ format: 'svg', suggestedName: 'a', text: '<svg/>' }).success).toBe(true);
  });
});
