import { safeStorage } from 'electron';
import type { Encryptor } from '../host/secret-file';

/**
 * The OS keychain through Electron's safeStorage (Keychain on macOS, DPAPI on Windows,
 * libsecret or kwallet on Linux). Linux's `basic_text` fallback encrypts with a key built
 * into Chromium, which protects nothing, so it counts as unavailable.
 */
export function createKeychainEncryptor(): Encryptor {
  return {
    async unavailableReason() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'the OS keychain is not available';
      if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
        return 'no keyring (libsecret or kwallet) is running';
      return null;
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (cipher) => (await safeStorage.decryptStringAsync(cipher)).result,
  };
}
