/**
 * Builds the one Content-Security-Policy both hosts send: scripts only from our own
 * bundle, no plugins, no framing, no <base>, and network access only to the origins in
 * `connectSrc` besides 'self'. `devServer` relaxes scripts for Vite's inline HMR
 * preamble and is meant only for `electron-vite dev`.
 */
export function buildContentSecurityPolicy(connectSrc: readonly string[] = [], devServer = false): string {
  const scriptSrc = devServer ? "'self' 'unsafe-inline'" : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    ['connect-src', "'self'", ...connectSrc].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
