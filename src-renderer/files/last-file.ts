const KEY = 'flowbench.lastFile';

/** The file opened or saved last, reopened on the next start. */
export function lastFile(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    // Storage can be disabled (private windows, policies); the app then starts with the sample.
    return null;
  }
}

export function rememberLastFile(path: string | null): void {
  try {
    if (path) localStorage.setItem(KEY, path);
    else localStorage.removeItem(KEY);
  } catch {
    // See lastFile: not remembering is acceptable.
  }
}
