import { useState } from 'react';

export function initials(name: string): string {
  const parts = name.split(/[\s._-]+/).filter(Boolean);
  const letters = parts.length >= 2 ? parts[0][0] + parts[1][0] : name.slice(0, 2);
  return letters.toUpperCase();
}

function hue(name: string): number {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 360;
  return h;
}

const SATURATION = 55;

/** Relative luminance (WCAG 2) of an hsl colour, s and l in percent. */
function luminance(h: number, s: number, l: number): number {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(8) + 0.0722 * channel(4);
}

/** White on this reads at 4.5:1 or more (WCAG AA), so each hue is only as dark as it must be. */
export function initialsBackground(name: string): { css: string; contrast: number } {
  const h = hue(name);
  let l = 52;
  while (l > 20 && 1.05 / (luminance(h, SATURATION, l) + 0.05) < 4.6) l -= 1;
  return { css: `hsl(${h} ${SATURATION}% ${l}%)`, contrast: 1.05 / (luminance(h, SATURATION, l) + 0.05) };
}

/** A user's picture, or their initials on a colour derived from the name. */
export function Avatar({ name, url, size = 40 }: { name: string; url: string | null | undefined; size?: number }) {
  const [failed, setFailed] = useState<string | null>(null);
  const style = { width: size, height: size, fontSize: Math.round(size * 0.4) };
  if (url && failed !== url) {
    return <img className="avatar" src={url} alt="" style={style} onError={() => setFailed(url)} data-testid="avatar-img" />;
  }
  return (
    <span className="avatar avatar-initials" aria-hidden="true" style={{ ...style, background: initialsBackground(name).css }}>
      {initials(name || '?')}
    </span>
  );
}
