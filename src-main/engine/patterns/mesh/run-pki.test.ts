import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRunPki } from './run-pki';

describe('createRunPki', () => {
  it('issues leaf certificates that verify against its CA and name 127.0.0.1', () => {
    const pki = createRunPki('Test');
    const ca = new X509Certificate(pki.caCert);
    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    const server = new X509Certificate(pki.issue('orders', 'server').cert);
    expect(server.subject).toBe('CN=orders');
    expect(server.issuer).toBe('CN=Test CA');
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(server.ca).toBe(false);
  });

  it('a certificate from another run does not verify', () => {
    const a = createRunPki();
    const b = createRunPki();
    expect(
      new X509Certificate(b.issue('x', 'client').cert).verify(new X509Certificate(a.caCert).publicKey),
    ).toBe(false);
  });
});
