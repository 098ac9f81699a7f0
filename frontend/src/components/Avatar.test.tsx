import { describe, expect, it } from 'vitest';
import { initialsBackground } from './Avatar';

/** The textbook HSL -> sRGB conversion and WCAG 2 contrast against white, independent of Avatar's own. */
function contrastWithWhite(css: string): number {
  const [h, s, l] = (/hsl\((\d+) (\d+)% (\d+)%\)/.exec(css) ?? []).slice(1).map(Number);
  const c = (1 - Math.abs((2 * l) / 100 - 1)) * (s / 100);
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l / 100 - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  const lin = (v: number) => ((v + m) <= 0.03928 ? (v + m) / 12.92 : ((v + m + 0.055) / 1.055) ** 2.4);
  return 1.05 / (0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) + 0.05);
}

describe('Avatar initials', () => {
  it('are white on a colour that reads at 4.5:1 or more, whatever the name (axe color-contrast)', () => {
    // Enough names to land on every hue the hash can give.
    const names = Array.from({ length: 3000 }, (_, i) => `user_${i.toString(36)}`);
    const hues = new Set(names.map((n) => /hsl\((\d+)/.exec(initialsBackground(n).css)?.[1]));
    expect(hues.size).toBeGreaterThan(300);
    for (const n of names) expect(contrastWithWhite(initialsBackground(n).css), n).toBeGreaterThanOrEqual(4.5);
  });
});
