/** Why an HTTP call got no response; the runtime maps each to an error on the client node. */
export type HttpFailure =
  'connection-refused' | 'timeout' | 'host-not-found' | 'response-too-large' | 'network' | 'bad-url';

/** A call that got no usable HTTP response. The message names the URL and the cause. */
export class HttpCallError extends Error {
  constructor(
    readonly failure: HttpFailure,
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpCallError';
  }
}

/** Turns a socket-level error from node:http into an HttpCallError with a plain sentence. */
export function classifySocketError(url: string, err: NodeJS.ErrnoException): HttpCallError {
  switch (err.code) {
    case 'ECONNREFUSED':
      return new HttpCallError(
        'connection-refused',
        url,
        `connection refused by ${hostOf(url)} (is the server running?)`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new HttpCallError('host-not-found', url, `host not found: ${hostOf(url)}`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new HttpCallError(
        'network',
        url,
        `connection to ${hostOf(url)} was reset before a response arrived`,
      );
    default:
      return new HttpCallError('network', url, `request to ${url} failed: ${err.code ?? err.message}`);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
