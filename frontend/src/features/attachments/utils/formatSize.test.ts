import { describe, expect, it } from 'vitest';
import { formatSize } from './formatSize';

describe('formatSize', () => {
  it('says bytes below a kilobyte', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(999)).toBe('999 B');
  });

  it('keeps one decimal below ten units and drops a trailing .0', () => {
    expect(formatSize(1000)).toBe('1 KB');
    expect(formatSize(1234)).toBe('1.2 KB');
    expect(formatSize(1_200_000)).toBe('1.2 MB');
  });

  it('rounds to whole units from ten on', () => {
    expect(formatSize(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatSize(523_400)).toBe('523 KB');
    expect(formatSize(3_500_000_000)).toBe('3.5 GB');
  });

  it('says nothing for a size that is not one', () => {
    expect(formatSize(-1)).toBe('');
    expect(formatSize(Number.NaN)).toBe('');
  });
});
