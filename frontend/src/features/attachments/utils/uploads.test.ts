import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../lib/types';
import { MAX_ATTACHMENT_BYTES } from './limits';
import { newUpload, percent, readyAttachments, uploadErrorText, uploading, uploadsReducer, type Upload } from './uploads';

const file = (name: string, size: number, type = 'application/pdf') => ({ name, size, type });
const attachment = (id: string, name: string): Attachment => ({ id, name, type: 'application/pdf', size: 100, width: null, height: null });

describe('uploads', () => {
  it('refuses a file over the limit before it is sent, and takes one exactly at the limit', () => {
    const over = newUpload('k1', file('big.bin', MAX_ATTACHMENT_BYTES + 1));
    expect(over).toMatchObject({ status: 'failed', error: 'too large, limit 10 MiB' });
    expect(newUpload('k2', file('fits.bin', MAX_ATTACHMENT_BYTES)).status).toBe('uploading');
  });

  it('refuses an empty file (the server would answer 400)', () => {
    expect(newUpload('k1', file('empty.txt', 0)).status).toBe('failed');
  });

  it('moves an upload through progress to done, and hands out only finished attachments in order', () => {
    let list: Upload[] = [];
    list = uploadsReducer(list, { type: 'added', upload: newUpload('a', file('a.pdf', 200)) });
    list = uploadsReducer(list, { type: 'added', upload: newUpload('b', file('b.pdf', 400)) });
    list = uploadsReducer(list, { type: 'progress', key: 'a', sent: 50 });
    expect(percent(list[0])).toBe(25);
    expect(uploading(list)).toBe(true);
    list = uploadsReducer(list, { type: 'uploaded', key: 'b', attachment: attachment('att-b', 'b.pdf') });
    list = uploadsReducer(list, { type: 'uploaded', key: 'a', attachment: attachment('att-a', 'a.pdf') });
    expect(uploading(list)).toBe(false);
    expect(readyAttachments(list).map((x) => x.id)).toEqual(['att-a', 'att-b']);
    expect(percent(list[0])).toBe(100);
  });

  it('never moves a finished upload back with a late progress or failure event', () => {
    let list = uploadsReducer([], { type: 'added', upload: newUpload('a', file('a.pdf', 200)) });
    list = uploadsReducer(list, { type: 'uploaded', key: 'a', attachment: attachment('att-a', 'a.pdf') });
    list = uploadsReducer(list, { type: 'progress', key: 'a', sent: 10 });
    list = uploadsReducer(list, { type: 'failed', key: 'a', error: 'late' });
    expect(list[0]).toMatchObject({ status: 'done', sent: 200, error: null });
  });

  it('keeps a failed upload out of the message, and removes or clears uploads', () => {
    let list = uploadsReducer([], { type: 'added', upload: newUpload('a', file('a.pdf', 200)) });
    list = uploadsReducer(list, { type: 'added', upload: newUpload('b', file('b.pdf', 200)) });
    list = uploadsReducer(list, { type: 'failed', key: 'a', error: 'this type of file cannot be sent' });
    expect(readyAttachments(list)).toEqual([]);
    list = uploadsReducer(list, { type: 'removed', key: 'a' });
    expect(list.map((u) => u.key)).toEqual(['b']);
    expect(uploadsReducer(list, { type: 'cleared' })).toEqual([]);
  });

  it('says why the server refused: the limit for 413, the problem detail otherwise', () => {
    expect(uploadErrorText(413, 'Payload too large')).toBe('too large, limit 10 MiB');
    expect(uploadErrorText(415, 'HTML files cannot be sent')).toBe('HTML files cannot be sent');
    expect(uploadErrorText(415, null)).toBe('this type of file cannot be sent');
    expect(uploadErrorText(404, 'Chat not found')).toBe('Chat not found');
    expect(uploadErrorText(0, null)).toMatch(/cannot reach the server/);
  });
});
