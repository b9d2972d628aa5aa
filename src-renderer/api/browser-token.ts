const STORAGE_KEY = 'flowbench.token';

/**
 * Takes the browser-mode token from the page URL (`?token=`), keeps it in sessionStorage
 * so a reload still works, and removes it from the address bar so it does not linger in
 * history or screenshots. Returns null when neither has one (the HttpOnly cookie the
 * server set may still authorize the socket).
 */
export function takeBrowserToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    try {
      window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the cookie still carries this session.
    }
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The API socket URL on the page's own host, with the token when there is one. */
export function apiSocketUrl(token: string | null): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${scheme}://${window.location.host}/api${query}`;
}
