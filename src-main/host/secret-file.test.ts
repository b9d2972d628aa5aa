import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretFile, type Encryptor } from './secret-file';

// Stands in for safeStorage (which needs Electron): reversible, and never the plain bytes.
const reversing: Encryptor = {
  unavailableReason: async () => null,
  encrypt: async (plain) => Buffer.from(plain, 'utf8').reverse(),
  decrypt: async (cipher) => Buffer.from(cipher).reverse().toString('utf8'),
};

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const newDir = (): string => (dir = mkdtempSync(join(tmpdir(), 'flowbench-secrets-')));

describe('the secret file', () => {
  it('keeps only ciphertext, readable by its owner only, and gives the value back by id', async () => {
    const secrets = createSecretFile(newDir(), reversing);
    const id = await secrets.set(undefined, 'correct horse battery');
    const other = await secrets.set(undefined, 'second');
    expect(await secrets.get(id)).toBe('correct horse battery');
    expect(await secrets.get(other)).toBe('second');
    const file = join(dir!, 'secrets.json');
    expect(readFileSync(file, 'utf8')).not.toContain('correct horse');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    await secrets.set(id, 'replaced');
    expect(await secrets.get(id)).toBe('replaced');
    expect(await secrets.delete(id)).toBe(true);
    expect(await secrets.delete(id)).toBe(false);
    await expect(secrets.get(id)).rejects.toThrow(`no keychain secret with id ${id}`);
  });

  it('loses no value when several are stored at once', async () => {
    const secrets = createSecretFile(newDir(), reversing);
    const ids = await Promise.all(['a1', 'b2', 'c3', 'd4'].map((v) => secrets.set(undefined, v)));
    expect(await Promise.all(ids.map((id) => secrets.get(id)))).toEqual(['a1', 'b2', 'c3', 'd4']);
  });

  it('refuses to store when the keychain is unavailable, pointing to environment variables', async () => {
    const secrets = createSecretFile(newDir(), {
      ...reversing,
      unavailableReason: async () => 'no keyring is running',
    });
    await expect(secrets.set(undefined, 'x')).rejects.toThrow(
      'cannot keep secrets here: no keyring is running; reference an environment variable instead',
    );
  });

  it('says which secret cannot be decrypted, never its value', async () => {
    const secrets = createSecretFile(newDir(), reversing);
    const id = await secrets.set(undefined, 'value-1');
    const broken = createSecretFile(dir!, {
      ...reversing,
      decrypt: async () => Promise.reject(new Error('bad key')),
    });
    await expect(broken.get(id)).rejects.toThrow(
      `the keychain secret ${id} cannot be decrypted on this machine`,
    );
  });
});
