import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';

/** The OS keychain's encryption, as the desktop host gets it from Electron's safeStorage. */
export interface Encryptor {
  /** Null when values can be encrypted, else why not (shown to the user). */
  unavailableReason(): Promise<string | null>;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(cipher: Buffer): Promise<string>;
}

/** Secrets by id: ciphertext on disk, plaintext only in the memory of whoever asked. */
export interface SecretFile {
  /** Encrypts and stores `value` under `id` (a new id when none); returns the id. */
  set(id: string | undefined, value: string): Promise<string>;
  /** Decrypts one secret; rejects naming the id (never a value) when it is missing or unreadable. */
  get(id: string): Promise<string>;
  delete(id: string): Promise<boolean>;
}

const FILE_NAME = 'secrets.json';

interface FileShape {
  version: 1;
  /** id → base64 ciphertext. */
  secrets: Record<string, string>;
}

/**
 * Keeps keychain secrets in `<dataDir>/secrets.json` (mode 0600), each value encrypted with
 * the OS keychain's key, so the file alone reveals nothing. Writes are atomic and
 * serialized, so two saves at once cannot lose either.
 */
export function createSecretFile(dataDir: string, encryptor: Encryptor): SecretFile {
  const path = join(dataDir, FILE_NAME);
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (): Promise<FileShape> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ENOENT') return { version: 1, secrets: {} };
      throw err;
    }
    const parsed = JSON.parse(text) as Partial<FileShape>;
    const secrets: Record<string, string> = {};
    for (const [id, value] of Object.entries(parsed.secrets ?? {}))
      if (typeof value === 'string') secrets[id] = value;
    return { version: 1, secrets };
  };
  const save = (shape: FileShape): Promise<void> => writeFileAtomic(path, JSON.stringify(shape), 0o600);

  return {
    set: (id, value) =>
      serialized(async () => {
        const reason = await encryptor.unavailableReason();
        if (reason)
          throw new Error(`cannot keep secrets here: ${reason}; reference an environment variable instead`);
        const key = id ?? randomUUID();
        const cipher = await encryptor.encrypt(value);
        const shape = await load();
        shape.secrets[key] = cipher.toString('base64');
        await save(shape);
        return key;
      }),
    get: async (id) => {
      const cipher = (await load()).secrets[id];
      if (cipher === undefined) throw new Error(`no keychain secret with id ${id}: enter the password again`);
      try {
        return await encryptor.decrypt(Buffer.from(cipher, 'base64'));
      } catch {
        throw new Error(
          `the keychain secret ${id} cannot be decrypted on this machine: enter the password again`,
        );
      }
    },
    delete: (id) =>
      serialized(async () => {
        const shape = await load();
        if (!(id in shape.secrets)) return false;
        delete shape.secrets[id];
        await save(shape);
        return true;
      }),
  };
}
