import { hintFor } from '../runtime/error-hints';

/**
 * A hint for a failed connection test: TLS and authentication problems get their own
 * advice (they are the usual mistakes with remote clusters), everything else the run's.
 */
export function connectionHint(transport: 'kafka' | 'amqp' | 'grpc', message: string, tls: boolean): string {
  const m = message.toLowerCase();
  if (
    m.includes('certificate') ||
    m.includes('self-signed') ||
    m.includes('self signed') ||
    m.includes('unable to verify') ||
    m.includes('altnames')
  )
    return 'The server certificate is not trusted: give the CA file that signed it, or check the host name.';
  if (m.includes('wrong version number') || m.includes('eproto') || m.includes('ssl') || m.includes('tls'))
    return 'The TLS handshake failed: check that this port speaks TLS (and TLS is enabled only where it does).';
  if (m.includes('sasl state') || m.includes('unsupported_sasl') || m.includes('sasl mechanism'))
    return 'The listener does not take this SASL mechanism: check that it requires SASL, and which mechanism it expects.';
  if (
    m.includes('sasl') ||
    m.includes('authentication') ||
    m.includes('access_refused') ||
    m.includes('access-refused')
  )
    return 'The broker refused the credentials: check the user, the mechanism and where the password comes from.';
  if (tls && (m.includes('timeout') || m.includes('no answer') || m.includes('closed')))
    return 'No answer over TLS: check that this port speaks TLS, or turn TLS off for a plaintext listener.';
  if (transport === 'grpc') {
    if (m.includes('econnrefused') || m.includes('no answer'))
      return 'Nothing accepts connections at this address: check host and port, and that the service is running.';
    return 'See the message above.';
  }
  return hintFor(transport, message);
}
