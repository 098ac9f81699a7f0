import { describe, expect, it } from 'vitest';
import { parseMarkup, plainText, wrapSelection } from './markup';

describe('parseMarkup', () => {
  it('parses bold, italic and underline', () => {
    expect(parseMarkup('a **b** _c_ __d__')).toEqual([
      'a ',
      { style: 'bold', children: ['b'] },
      ' ',
      { style: 'italic', children: ['c'] },
      ' ',
      { style: 'underline', children: ['d'] },
    ]);
  });

  it('nests styles', () => {
    expect(parseMarkup('**bold _and italic_**')).toEqual([{ style: 'bold', children: ['bold ', { style: 'italic', children: ['and italic'] }] }]);
  });

  it('leaves snake_case, lone markers and unclosed markers as text', () => {
    expect(parseMarkup('my_var_name')).toEqual(['my_var_name']);
    expect(parseMarkup('2 ** 3 and **open')).toEqual(['2 ** 3 and **open']);
    expect(parseMarkup('a _ b')).toEqual(['a _ b']);
  });

  it('plainText strips markers for previews', () => {
    expect(plainText('**hi** _there_')).toBe('hi there');
  });
});

describe('wrapSelection', () => {
  it('wraps the selected word and keeps it selected', () => {
    expect(wrapSelection({ value: 'say hello now', start: 4, end: 9 }, 'bold')).toEqual({ value: 'say **hello** now', start: 6, end: 11 });
  });
  it('keeps surrounding spaces outside the markers', () => {
    expect(wrapSelection({ value: 'a word b', start: 1, end: 7 }, 'italic').value).toBe('a _word_ b');
  });
  it('inserts an empty pair at the caret', () => {
    expect(wrapSelection({ value: 'ab', start: 1, end: 1 }, 'underline')).toEqual({ value: 'a____b', start: 3, end: 3 });
  });
  it('toggles off when applied again', () => {
    const once = wrapSelection({ value: 'hello', start: 0, end: 5 }, 'bold');
    expect(wrapSelection(once, 'bold')).toEqual({ value: 'hello', start: 0, end: 5 });
  });
});
