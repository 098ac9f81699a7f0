import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The :root colour variables of the stylesheet, as written. */
const css = readFileSync(resolve(process.cwd(), 'src/styles.css'), 'utf8');
const root = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
const vars = Object.fromEntries([...root.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1], m[2]]));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two CSS variables. */
function contrast(a: string, b: string): number {
  expect(vars[a], `--${a} is a #rrggbb colour in :root`).toBeDefined();
  expect(vars[b], `--${b} is a #rrggbb colour in :root`).toBeDefined();
  const [hi, lo] = [luminance(vars[a]), luminance(vars[b])].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('reading contrast (WCAG AA)', () => {
  it('message text reads at 4.5:1 or more in both kinds of bubble', () => {
    expect(contrast('theirs-text', 'theirs')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('mine-text', 'mine')).toBeGreaterThanOrEqual(4.5);
  });

  it('times and sender names in bubbles read at 4.5:1 or more', () => {
    expect(contrast('meta-theirs', 'theirs')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('meta-mine', 'mine')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('accent', 'theirs')).toBeGreaterThanOrEqual(4.5);
  });

  it('mentions read at 4.5:1 or more: the chip naming the reader, text in their tinted bubble, the "@ n" badge', () => {
    expect(contrast('mention-me-text', 'mention-me-bg')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('accent-strong', 'accent-soft')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('theirs-text', 'mention-bubble')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('mine-text', 'mention-edge')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('mention-edge', 'chat-bg')).toBeGreaterThanOrEqual(3);
  });

  it('an incoming bubble stands out from the conversation at 3:1 or more', () => {
    expect(contrast('theirs-edge', 'chat-bg')).toBeGreaterThanOrEqual(3);
  });

  it('secondary text reads at 4.5:1 or more wherever it sits', () => {
    for (const bg of ['bg', 'panel', 'chat-bg']) expect(contrast('muted', bg)).toBeGreaterThanOrEqual(4.5);
  });
});
