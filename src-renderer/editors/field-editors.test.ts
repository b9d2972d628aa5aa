import { describe, expect, it } from 'vitest';
import { editorKindFor } from './field-editors';
import { lineCount, lineRange } from './text-lines';

describe('editorKindFor', () => {
  it('picks the editor by field name', () => {
    expect(editorKindFor('payload')).toBe('template');
    expect(editorKindFor('request')).toBe('template');
    expect(editorKindFor('body')).toBe('template');
    expect(editorKindFor('proto')).toBe('proto');
    expect(editorKindFor('schema')).toBe('graphql');
    expect(editorKindFor('sdl')).toBe('graphql');
    expect(editorKindFor('query')).toBe('graphql');
    expect(editorKindFor('name')).toBeNull();
    expect(editorKindFor('key')).toBeNull();
  });

  it('reads map entries and list items by their parent or own key', () => {
    expect(editorKindFor('responses.SayHello')).toBe('template');
    expect(editorKindFor('routes[0].response')).toBe('template');
    expect(editorKindFor('imports.common.proto')).toBe('proto');
    expect(editorKindFor('headers.x-trace')).toBeNull();
    expect(editorKindFor('headers.payload')).toBeNull();
  });
});

describe('text lines', () => {
  it('counts lines and finds a line by number', () => {
    expect(lineCount('')).toBe(1);
    expect(lineCount('a\nb\n')).toBe(3);
    expect(lineRange('ab\ncd\nef', 2)).toEqual([3, 5]);
    expect(lineRange('ab\ncd', 9)).toEqual([3, 5]);
    expect(lineRange('ab', 1)).toEqual([0, 2]);
  });
});
