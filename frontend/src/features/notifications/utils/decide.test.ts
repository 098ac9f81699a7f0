import { describe, expect, it } from 'vitest';
import { notificationContent, shouldNotify } from './decide';

const away = { hidden: true, fromMe: false, deleted: false, enabled: true, permission: 'granted' as const };

describe('shouldNotify', () => {
  it('notifies of someone else’s message while the tab is hidden, the setting on and permission granted', () => {
    expect(shouldNotify(away)).toBe(true);
  });

  it('stays quiet when any one condition is missing', () => {
    expect(shouldNotify({ ...away, hidden: false })).toBe(false);
    expect(shouldNotify({ ...away, fromMe: true })).toBe(false);
    expect(shouldNotify({ ...away, deleted: true })).toBe(false);
    expect(shouldNotify({ ...away, system: true })).toBe(false);
    expect(shouldNotify({ ...away, enabled: false })).toBe(false);
    expect(shouldNotify({ ...away, permission: 'default' })).toBe(false);
    expect(shouldNotify({ ...away, permission: 'denied' })).toBe(false);
    expect(shouldNotify({ ...away, permission: 'unsupported' })).toBe(false);
  });
});

describe('notificationContent', () => {
  const base = { senderName: 'bob', groupName: null, mentionsMe: false, text: 'See you at **noon**', attachments: [] };

  it('names the sender of a direct message and shows its text without markup', () => {
    expect(notificationContent(base)).toEqual({ title: 'bob', body: 'See you at noon' });
  });

  it('adds the group’s name in a group', () => {
    expect(notificationContent({ ...base, groupName: 'Hiking' }).title).toBe('bob · Hiking');
  });

  it('says so when the message mentions the reader', () => {
    expect(notificationContent({ ...base, mentionsMe: true }).title).toBe('bob mentioned you');
    expect(notificationContent({ ...base, groupName: 'Hiking', mentionsMe: true }).title).toBe('bob mentioned you in Hiking');
  });

  it('cuts a long text to an excerpt', () => {
    const body = notificationContent({ ...base, text: 'x'.repeat(500) }).body;
    expect(body.length).toBe(120);
    expect(body.endsWith('…')).toBe(true);
  });

  it('names the file of a message without text', () => {
    expect(notificationContent({ ...base, text: '', attachments: [{ name: 'report.pdf', type: 'application/pdf' }] }).body).toBe('📎 report.pdf');
    expect(notificationContent({ ...base, text: '', attachments: [{ name: 'a.png', type: 'image/png' }] }).body).toBe('Photo');
    expect(notificationContent({ ...base, text: '' }).body).toBe('📎 file');
  });
});
