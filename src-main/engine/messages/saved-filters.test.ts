import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSavedFilters } from './saved-filters';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('saved message filters', () => {
  it('save, replace by name, survive a reopen, and delete; no temp file left', async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowbench-filters-'));
    const a = createSavedFilters(dir);
    expect(await a.list()).toEqual([]);
    // Two quick saves in a row both land (writes are queued, each atomic).
    await Promise.all([a.save('errors', { statuses: ['error'] }), a.save('big orders', { text: 'order' })]);
    await a.save('errors', { statuses: ['error', 'dead-lettered'], runId: 'r1' });
    const b = createSavedFilters(dir);
    const listed = await b.list();
    expect(listed.map((f) => f.name)).toEqual(['big orders', 'errors']);
    expect(listed[1].filter).toEqual({ statuses: ['error', 'dead-lettered'], runId: 'r1' });
    expect((await b.remove('errors')).map((f) => f.name)).toEqual(['big orders']);
    expect(readdirSync(dir)).toEqual(['message-filters.json']);
  });

  it('names the file and the field when the file is damaged', async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowbench-filters-'));
    writeFileSync(
      join(dir, 'message-filters.json'),
      '{"version":1,"filters":[{"name":"x","filter":{"partition":-1},"savedAt":1}]}',
    );
    await expect(createSavedFilters(dir).list()).rejects.toThrow(
      /message-filters\.json: filters\.0\.filter\.partition/,
    );
    writeFileSync(join(dir, 'message-filters.json'), '{oops');
    await expect(createSavedFilters(dir).list()).rejects.toThrow(/message-filters\.json: not valid JSON/);
  });
});
