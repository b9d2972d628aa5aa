import { shell, type Session, type WebContents } from 'electron';
import { isExternalLink, isSameDocument } from './renderer-location';

/**
 * Locks down a session: every permission (camera, notifications, clipboard-read, HID, …)
 * is refused, downloads are cancelled, and every response carries our CSP, including
 * file:// loads (the renderer's meta tag says the same; the header covers what it cannot).
 */
export function hardenSession(session: Session, contentSecurityPolicy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [contentSecurityPolicy];
    callback({ responseHeaders: headers });
  });
}

/**
 * Keeps any web contents where it is: top-level navigations that would leave the current
 * document are cancelled (sub-frames are held by the CSP's default-src 'self'), new windows are denied (https links go to the system browser instead),
 * and <webview> cannot be attached.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!event.isSameDocument && !isSameDocument(contents.getURL(), event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
