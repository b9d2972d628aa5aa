import { describe, expect, it } from 'vitest';
import { isExternalLink, isSameDocument, isTrustedRendererUrl, rendererLocation } from './renderer-location';

describe('rendererLocation', () => {
  it('uses the built index.html beside out/main', () => {
    expect(rendererLocation('/app/out/main', undefined, false)).toEqual({
      kind: 'file',
      url: 'file:///app/out/renderer/index.html',
    });
  });

  it('uses the dev server only when not packaged', () => {
    expect(rendererLocation('/app/out/main', 'http://localhost:5173/', false)).toMatchObject({
      kind: 'dev',
      origin: 'http://localhost:5173',
    });
    expect(rendererLocation('/app/out/main', 'http://localhost:5173/', true).kind).toBe('file');
    expect(rendererLocation('/app/out/main', 'file:///etc/x.html', false).kind).toBe('file');
  });
});

describe('isTrustedRendererUrl', () => {
  const file = rendererLocation('/app/out/main', undefined, false);
  const dev = rendererLocation('/app/out/main', 'http://localhost:5173/', false);

  it('trusts only our index.html (any hash) in file mode', () => {
    expect(isTrustedRendererUrl(file, 'file:///app/out/renderer/index.html')).toBe(true);
    expect(isTrustedRendererUrl(file, 'file:///app/out/renderer/index.html#x')).toBe(true);
    expect(isTrustedRendererUrl(file, 'file:///app/out/renderer/other.html')).toBe(false);
    expect(isTrustedRendererUrl(file, 'file:///tmp/index.html')).toBe(false);
    expect(isTrustedRendererUrl(file, 'https://example.com/')).toBe(false);
    expect(isTrustedRendererUrl(file, 'not a url')).toBe(false);
  });

  it('trusts only the dev server origin in dev mode', () => {
    expect(isTrustedRendererUrl(dev, 'http://localhost:5173/index.html')).toBe(true);
    expect(isTrustedRendererUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isTrustedRendererUrl(dev, 'file:///app/out/renderer/index.html')).toBe(false);
  });
});

describe('navigation helpers', () => {
  it('treats hash changes as the same document', () => {
    expect(isSameDocument('file:///a/index.html', 'file:///a/index.html#b')).toBe(true);
    expect(isSameDocument('file:///a/index.html', 'https://example.com/')).toBe(false);
  });

  it('opens only https links externally', () => {
    expect(isExternalLink('https://example.com/')).toBe(true);
    expect(isExternalLink('http://example.com/')).toBe(false);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
  });
});
