/** The box a thumbnail takes in the list, at most this many pixels on its long side. */
export const THUMB_MAX_PX = 240;

/** The image's shape scaled to fit the box (a square when its size is unknown). */
export function thumbSize(width: number | null, height: number | null): { width: number; height: number } {
  if (!width || !height || width <= 0 || height <= 0) return { width: THUMB_MAX_PX, height: THUMB_MAX_PX };
  const scale = Math.min(1, THUMB_MAX_PX / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
