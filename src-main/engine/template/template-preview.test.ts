import { describe, expect, it } from 'vitest';
import { previewTemplate } from './template-preview';

describe('template preview', () => {
  it('renders a message the way a run does, parsed when it is JSON', () => {
    const res = previewTemplate('{"seq": {{seq}}, "id": "{{uuid}}"}', 7);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.json).toMatchObject({ seq: 7 });
    expect(res.text).toMatch(/^\{"seq": 7, "id": "[0-9a-f-]{36}"\}$/);
    expect(res.jsonError).toBeUndefined();
  });

  it('renders message number 1 by default and an empty request for response templates', () => {
    const res = previewTemplate('{"n": {{seq}}, "hi": "Hello {{request.name}}"}');
    expect(res).toMatchObject({ ok: true, json: { n: 1, hi: 'Hello ' } });
  });

  it('puts an unknown expression at its line and column', () => {
    const res = previewTemplate('{\n  "a": 1,\n  "b": "{{no pe}}"\n}');
    expect(res).toEqual({ ok: false, error: 'unknown expression {{no pe}}', line: 3, column: 9 });
  });

  it('puts an unclosed expression at its line', () => {
    const res = previewTemplate('{\n"a": {{seq\n}');
    expect(res).toMatchObject({ ok: false, line: 2, column: 6 });
  });

  it('keeps non-JSON text and says at which template line it stops being JSON', () => {
    const res = previewTemplate('{\n  "a": {{seq}},\n  "b": 2,\n}');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.text).toBe('{\n  "a": 1,\n  "b": 2,\n}');
    expect(res.json).toBeUndefined();
    expect(res.jsonError?.line).toBe(4);
  });

  it('reports a line shifted by substitutions without a misleading column', () => {
    const res = previewTemplate('{"id": "{{uuid}}" "x": 1}');
    expect(res.ok && res.jsonError).toMatchObject({ line: 1 });
    expect(res.ok && res.jsonError && res.jsonError.column).toBeFalsy();
  });

  it('puts a truncated document at its last line', () => {
    const res = previewTemplate('{\n  "a": 1,');
    expect(res.ok && res.jsonError).toMatchObject({ line: 2 });
  });
});
