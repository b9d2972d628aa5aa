import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { bits, bool, explicit, octets, oid, seq, set, time, tlv, uint, utf8 } from './der';

/** A CA and one certificate per name it issued, all PEM; made fresh for each run, never stored. */
export interface RunPki {
  caCert: string;
  issue(commonName: string, use: 'server' | 'client'): { cert: string; key: string };
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

function name(cn: string): Buffer {
  return seq(set(seq(oid('2.5.4.3'), utf8(cn))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

function pem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}

/** Builds and signs one certificate (X.509 v3, ECDSA P-256 with SHA-256). */
function certificate(opts: {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signer: KeyObject;
  extensions: Buffer[];
}): Buffer {
  const now = Date.now();
  const tbs = seq(
    explicit(0, uint(Buffer.from([2]))),
    uint(randomBytes(16)),
    ECDSA_SHA256,
    name(opts.issuer),
    seq(time(new Date(now - 60_000)), time(new Date(now + 24 * 3600_000))),
    name(opts.subject),
    opts.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(...opts.extensions)),
  );
  const signature = sign('sha256', tbs, { key: opts.signer, dsaEncoding: 'der' });
  return seq(tbs, ECDSA_SHA256, bits(signature));
}

const keyPair = (): { publicKey: KeyObject; privateKey: KeyObject } =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' });

/**
 * Certificates for mTLS between the services of one run, made with Node's own crypto (no
 * OpenSSL binary, no dev-only package): a CA valid for a day and leaf certificates for
 * 127.0.0.1/localhost signed by it. Nothing is written to disk.
 */
export function createRunPki(label = 'Flowbench run'): RunPki {
  const ca = keyPair();
  const caDer = certificate({
    subject: `${label} CA`,
    issuer: `${label} CA`,
    publicKey: ca.publicKey,
    signer: ca.privateKey,
    extensions: [
      extension('2.5.29.19', true, seq(bool(true))),
      // keyCertSign + cRLSign
      extension('2.5.29.15', true, bits(Buffer.from([0x06]))),
    ],
  });
  return {
    caCert: pem(caDer),
    issue(commonName, use) {
      const leaf = keyPair();
      const der = certificate({
        subject: commonName,
        issuer: `${label} CA`,
        publicKey: leaf.publicKey,
        signer: ca.privateKey,
        extensions: [
          extension('2.5.29.19', true, seq()),
          // digitalSignature
          extension('2.5.29.15', true, bits(Buffer.from([0x80]))),
          // serverAuth or clientAuth
          extension(
            '2.5.29.37',
            false,
            seq(oid(use === 'server' ? '1.3.6.1.5.5.7.3.1' : '1.3.6.1.5.5.7.3.2')),
          ),
          // DNS localhost, IP 127.0.0.1
          extension(
            '2.5.29.17',
            false,
            seq(tlv(0x82, Buffer.from('localhost')), tlv(0x87, Buffer.from([127, 0, 0, 1]))),
          ),
        ],
      });
      return {
        cert: pem(der),
        key: leaf.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      };
    },
  };
}
