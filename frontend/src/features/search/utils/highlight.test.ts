import { describe, expect, it } from 'vitest';
import { highlightParts } from './highlight';

const marked = (text: string, ranges: [number, number][]) =>
  highlightParts(text, ranges).filter((p) => p.match).map((p) => p.text);

describe('highlightParts', () => {
  it('splits the text at the ranges and keeps every character once', () => {
    const parts = highlightParts('Pizza on Friday?', [[0, 5], [9, 15]]);
    expect(parts).toEqual([
      { text: 'Pizza', match: true },
      { text: ' on ', match: false },
      { text: 'Friday', match: true },
      { text: '?', match: false },
    ]);
  });

  it('reads the offsets as UTF-16 code units: an emoji before the match counts two', () => {
    const text = '🍕🍕 pizza party';
    const start = text.indexOf('pizza');
    expect(start).toBe(5);
    expect(marked(text, [[start, start + 5]])).toEqual(['pizza']);
  });

  it('marks an emoji itself, and widens an edge inside a surrogate pair to the whole emoji', () => {
    const text = 'go 🎉 now';
    expect(marked(text, [[3, 5]])).toEqual(['🎉']);
    expect(marked(text, [[4, 5]])).toEqual(['🎉']);
    expect(marked(text, [[3, 4]])).toEqual(['🎉']);
  });

  it('sorts, merges overlapping ranges and clamps them to the text', () => {
    expect(marked('abcdefgh', [[5, 7], [1, 3], [2, 4], [6, 99], [-3, 0]])).toEqual(['bcd', 'fgh']);
    expect(highlightParts('abc', [])).toEqual([{ text: 'abc', match: false }]);
  });
});
