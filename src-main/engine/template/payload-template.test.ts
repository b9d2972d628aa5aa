import { describe, expect, it } from 'vitest';
import { compileTemplate, TemplateError } from './payload-template';

describe('payload templates', () => {
  it('renders seq, uuid and now into valid JSON', () => {
    const t = compileTemplate('{"seq": {{seq}}, "id": "{{uuid}}", "at": "{{now}}"}');
    const doc = JSON.parse(t.render(7)) as { seq: number; id: string; at: string };
    expect(doc.seq).toBe(7);
    expect(doc.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(doc.at))).toBe(false);
  });

  it('gives a fresh uuid per message', () => {
    const t = compileTemplate('{{uuid}}');
    expect(t.render(1)).not.toBe(t.render(2));
  });

  it('calls faker functions, with JSON arguments', () => {
    const t = compileTemplate(
      '{"name": "{{faker.person.firstName}}", "n": {{faker.number.int({"min": 5, "max": 5})}}}',
    );
    const doc = JSON.parse(t.render(1)) as { name: string; n: number };
    expect(doc.name.length).toBeGreaterThan(0);
    expect(doc.n).toBe(5);
  });

  it('reads context paths and escapes quotes so JSON stays valid', () => {
    const t = compileTemplate('{"message": "Hello {{request.name}}"}');
    const out = t.render(1, { request: { name: 'Ann "the" Coder' } });
    expect(JSON.parse(out)).toEqual({ message: 'Hello Ann "the" Coder' });
  });

  it('refuses unknown faker functions and bad expressions by name', () => {
    expect(() => compileTemplate('{{faker.person.nope}}')).toThrow(TemplateError);
    expect(() => compileTemplate('{{faker.person.nope}}')).toThrow(/faker\.person\.nope/);
    expect(() => compileTemplate('{{1 + 2}}')).toThrow(/unknown expression/);
  });

  it('escapes a value exactly as JSON.stringify does, and passes plain ones through', () => {
    const t = compileTemplate('{{request.v}}');
    for (const v of ['plain-id', 'q"b\\s', 'tab\tnl\n\u0001', 'é ✓ 😀', 'lone \ud800 surrogate']) {
      expect(t.render(1, { request: { v } })).toBe(JSON.stringify(v).slice(1, -1));
    }
  });

  it('renders now as the current time, to the millisecond', () => {
    const t = compileTemplate('{{now}}');
    const before = Date.now();
    const at = Date.parse(t.render(1));
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('leaves text without expressions unchanged', () => {
    expect(compileTemplate('{"a": 1}').render(1)).toBe('{"a": 1}');
  });
});
