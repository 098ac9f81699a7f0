import { describe, expect, it } from 'vitest';
import { attachmentSummary, hasThumbnail, isImage, typeLabel } from './kinds';
import { THUMB_MAX_PX, thumbSize } from './thumbSize';

const pdf = { name: 'report.pdf', type: 'application/pdf' };
const png = { name: 'cat.png', type: 'image/png' };

describe('attachment kinds', () => {
  it('tells images from other files by their detected type', () => {
    expect(isImage(png)).toBe(true);
    expect(isImage({ type: 'application/pdf' })).toBe(false);
  });

  it('shows a thumbnail only for the images the server decoded (it gave them a size)', () => {
    expect(hasThumbnail({ type: 'image/png', width: 96, height: 64 })).toBe(true);
    expect(hasThumbnail({ type: 'image/webp', width: null, height: null })).toBe(false);
    expect(hasThumbnail({ type: 'application/pdf', width: null, height: null })).toBe(false);
  });

  it('labels a card by its type or extension', () => {
    expect(typeLabel(pdf)).toBe('PDF');
    expect(typeLabel({ name: 'notes.txt', type: 'text/plain' })).toBe('TXT');
    expect(typeLabel({ name: 'README', type: 'application/octet-stream' })).toBe('FILE');
  });

  it('sums up a message without text: a clip and the name, Photo, or how many', () => {
    expect(attachmentSummary([pdf])).toBe('📎 report.pdf');
    expect(attachmentSummary([png])).toBe('Photo');
    expect(attachmentSummary([png, png])).toBe('2 photos');
    expect(attachmentSummary([png, pdf])).toBe('📎 2 files');
    expect(attachmentSummary([])).toBe('');
  });

  it('reserves a thumbnail box of the image shape, no larger than the limit', () => {
    expect(thumbSize(1000, 500)).toEqual({ width: THUMB_MAX_PX, height: THUMB_MAX_PX / 2 });
    expect(thumbSize(100, 50)).toEqual({ width: 100, height: 50 });
    expect(thumbSize(null, null)).toEqual({ width: THUMB_MAX_PX, height: THUMB_MAX_PX });
  });
});
