import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the window's renderer comes from: the built index.html, or Vite's dev server. */
export type RendererLocation = { kind: 'file'; url: string } | { kind: 'dev'; url: string; origin: string };

/**
 * The built renderer (`out/renderer/index.html`, next to `out/main`), unless `devUrl`
 * (electron-vite dev's ELECTRON_RENDERER_URL) is an http(s) URL and the app is not packaged.
 */
export function rendererLocation(
  mainDir: string,
  devUrl: string | undefined,
  isPackaged: boolean,
): RendererLocation {
  if (devUrl && !isPackaged) {
    const parsed = new URL(devUrl);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return { kind: 'dev', url: parsed.href, origin: parsed.origin };
    }
  }
  return { kind: 'file', url: pathToFileURL(join(mainDir, '../renderer/index.html')).href };
}

function withoutHash(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/**
 * True when `url` is our renderer: exactly our index.html file (any hash), or any page
 * of the dev server's origin. IPC from anything else is refused.
 */
export function isTrustedRendererUrl(location: RendererLocation, url: string): boolean {
  if (location.kind === 'dev') {
    try {
      return new URL(url).origin === location.origin;
    } catch {
      return false;
    }
  }
  const target = withoutHash(url);
  return target !== null && target === withoutHash(location.url);
}

/** True when going from `current` to `target` only changes the hash: the same document. */
export function isSameDocument(current: string, target: string): boolean {
  const a = withoutHash(current);
  return a !== null && a === withoutHash(target);
}

/** Links we hand to the system browser: https only, never file:, javascript: or custom schemes. */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
