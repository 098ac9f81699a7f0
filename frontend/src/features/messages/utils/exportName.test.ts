import { describe, expect, it } from 'vitest';
import { exportFileName } from './exportName';

const day = new Date(2026, 10, 25, 15, 0);

describe('exportFileName', () => {
  it('names the file after the chat and the day', () => {
    expect(exportFileName('Weekend trip', 'txt', day)).toBe('Weekend-trip-2026-11-25.txt');
    expect(exportFileName('bob', 'json', day)).toBe('bob-2026-11-25.json');
  });

  it('keeps letters of any script', () => {
    expect(exportFileName('Café Zoë', 'txt', day)).toBe('Café-Zoë-2026-11-25.txt');
  });

  it('drops path separators, reserved and control characters, and leading dots', () => {
    expect(exportFileName('../../etc/passwd', 'txt', day)).toBe('etc-passwd-2026-11-25.txt');
    expect(exportFileName('a<b>c:d"e|f?g*h\\i\u0007', 'txt', day)).toBe('a-b-c-d-e-f-g-h-i-2026-11-25.txt');
  });

  it('bounds the length and never leaves the name empty', () => {
    expect(exportFileName('x'.repeat(500), 'txt', day)).toBe(`${'x'.repeat(60)}-2026-11-25.txt`);
    expect(exportFileName('///', 'txt', day)).toBe('chat-2026-11-25.txt');
  });
});
