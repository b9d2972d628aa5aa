// What was copied last in this window, for when the system clipboard is out of reach
// (permission denied, document not focused, or the desktop shell refusing clipboard-read).
let memory: { text: string; inSystem: boolean } | null = null;

/** Puts text on the system clipboard, and always in this window's own clipboard too. */
export async function writeClipboard(text: string): Promise<void> {
  memory = { text, inSystem: false };
  try {
    await navigator.clipboard.writeText(text);
    memory = { text, inSystem: true };
  } catch {
    // Permission denied or not focused: pasting in this window still works from memory.
  }
}

/**
 * The clipboard's text: the system clipboard when it can be read (so text copied
 * elsewhere is seen), else what this window copied last; null when there is neither.
 */
export async function readClipboard(): Promise<string | null> {
  // The system clipboard never got our last copy, so it holds something older.
  if (memory && !memory.inSystem) return memory.text;
  try {
    return await navigator.clipboard.readText();
  } catch {
    return memory?.text ?? null;
  }
}
