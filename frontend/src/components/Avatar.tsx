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

/** A user's picture, or their initials on a colour derived from the name. */
export function Avatar({ name, url, size = 40 }: { name: string; url: string | null | undefined; size?: number }) {
  const [failed, setFailed] = useState<string | null>(null);
  const style = { width: size, height: size, fontSize: Math.round(size * 0.4) };
  if (url && failed !== url) {
    return <img className="avatar" src={url} alt="" style={style} onError={() => setFailed(url)} data-testid="avatar-img" />;
  }
  return (
    <span className="avatar avatar-initials" aria-hidden="true" style={{ ...style, background: `hsl(${hue(name)} 55% 52%)` }}>
      {initials(name || '?')}
    </span>
  );
}
