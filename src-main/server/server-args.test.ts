import { describe, expect, it } from 'vitest';
import { parseServerArgs } from './server-args';

describe('parseServerArgs', () => {
  it('defaults to a free port', () => {
    expect(parseServerArgs([])).toEqual({ port: 0, help: false });
  });

  it('reads both spellings', () => {
    expect(parseServerArgs(['--port', '8080', '--data-dir', '/tmp/x'])).toMatchObject({
      port: 8080,
      dataDir: '/tmp/x',
    });
    expect(parseServerArgs(['--port=9', '--data-dir=/d', '--renderer-dir=/r'])).toMatchObject({
      port: 9,
      dataDir: '/d',
      rendererDir: '/r',
    });
  });

  it('refuses bad ports, missing values and unknown flags', () => {
    expect(() => parseServerArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseServerArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseServerArgs(['--port', '-1'])).toThrow(/--port/);
    expect(() => parseServerArgs(['--data-dir'])).toThrow(/needs a value/);
    expect(() => parseServerArgs(['--bogus'])).toThrow(/unknown/);
  });
});
