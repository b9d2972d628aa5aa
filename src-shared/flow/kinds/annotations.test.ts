import { describe, expect, it } from 'vitest';
import { validateNodeConfig } from '../parse';
import { groupConfig, noteConfig } from './annotations';

describe('annotation schemas', () => {
  it('fill defaults', () => {
    expect(groupConfig.parse({})).toEqual({ name: 'context', description: '', width: 520, height: 320 });
    expect(noteConfig.parse({}).text).toContain('**Note**');
  });

  it('refuse a box too small to hold anything', () => {
    expect(validateNodeConfig('group', { width: 10, height: 10.5 })).toEqual({
      ok: false,
      errors: { width: 'must be at least 120', height: 'must be a whole number' },
    });
  });
});
