import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attachment, Message } from '../lib/types';
import { FakeXhr } from '../test/fakeXhr';
import { stubCarrier, unstubCarrier } from '../test/fakeCarrier';
import { FakeWebSocket, json } from '../test/fakeSocket';
import { App } from './App';

const chat = { id: 'c1', type: 'direct', name: null, members: [{ id: 'u1', username: 'ann', avatarUrl: null }, { id: 'u2', username: 'bob', avatarUrl: null }], createdAt: '2026-11-25T09:00:00Z' };
const pdf: Attachment = { id: 'a-pdf', name: 'report.pdf', type: 'application/pdf', size: 1_234_567, width: null, height: null };
const png: Attachment = { id: 'a-png', name: 'cat.png', type: 'image/png', size: 5000, width: 640, height: 480 };
const message = (seq: number, over: Partial<Message> = {}): Message => ({
  id: `m${seq}`, chatId: 'c1', seq, senderId: 'u2', text: `message ${seq}`, sentAt: new Date(Date.parse('2026-11-25T10:00:00Z') + seq * 1000).toISOString(),
  deleted: false, editedAt: null, replyTo: null, reactions: [], attachments: [], ...over,
});

let history: Message[];
let posted: Record<string, unknown>[];
let fetched: { path: string; auth: string | null }[];

beforeEach(() => {
  FakeXhr.all = [];
  posted = [];
  fetched = [];
  history = [message(1, { text: '', attachments: [png] })];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  URL.createObjectURL = vi.fn(() => 'blob:thumb');
  URL.revokeObjectURL = vi.fn();
  stubCarrier((url, init) => {
    if (url.pathname === '/api/chats') return json(200, [{ chat, lastMessage: history.at(-1), unread: 0 }]);
    if (url.pathname.startsWith('/api/attachments/')) {
      fetched.push({ path: url.pathname, auth: new Headers(init?.headers).get('Authorization') });
      return new Response('bytes', { status: 200, headers: { 'Content-Type': 'image/png' } });
    }
    if (url.pathname === '/api/chats/c1/messages' && init?.method === 'POST') {
      const body = JSON.parse(init.body as string) as { text?: string; attachmentIds?: string[] };
      posted.push(body);
      const sent = message(history.length + 1, { senderId: 'u1', text: body.text ?? '', attachments: body.attachmentIds?.map((id) => (id === pdf.id ? pdf : png)) ?? [] });
      history.push(sent);
      return json(201, { message: sent });
    }
    if (url.pathname === '/api/chats/c1/messages') return json(200, history);
  });
});
afterEach(unstubCarrier);

async function openChat() {
  render(<App />);
  await screen.findByText('bob');
  fireEvent.click(screen.getByTestId('chat-item'));
  await screen.findByTestId('chat-view');
  const ws = FakeWebSocket.all[0];
  await act(async () => ws.push({ type: 'ready' }));
  return ws;
}

const attach = (file: File) => fireEvent.change(screen.getByTestId('attach-input'), { target: { files: [file] } });
const sized = (name: string, type: string, size: number) => {
  const file = new File(['%PDF'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
};

describe('attachments in the composer', () => {
  it('uploads a file at once with the token, shows its progress, and sends it without text', async () => {
    await openChat();
    attach(new File(['%PDF-1.4 tiny'], 'report.pdf', { type: 'application/pdf' }));
    const xhr = FakeXhr.all[0];
    expect(xhr.url).toBe('/api/chats/c1/attachments?name=report.pdf');
    expect(xhr.headers).toMatchObject({ Authorization: 'Bearer tok', 'Content-Type': 'application/pdf' });
    const send = screen.getByTestId('send-button');
    expect(send).toHaveProperty('disabled', true);
    act(() => xhr.progress(6));
    expect(screen.getByTestId<HTMLProgressElement>('upload-progress').value).toBe(46);
    act(() => xhr.respond(201, { attachment: pdf }));
    await waitFor(() => expect(send).toHaveProperty('disabled', false));
    fireEvent.click(send);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ attachmentIds: ['a-pdf'] });
    expect(posted[0]).not.toHaveProperty('text');
    expect(screen.queryByTestId('upload-tray')).toBeNull();
    const card = await screen.findByTestId('attachment-file');
    expect(card.textContent).toContain('report.pdf');
    expect(card.textContent).toContain('1.2 MB');
  });

  it('refuses a file over 10 MiB before uploading it', async () => {
    await openChat();
    attach(sized('huge.mov', 'video/quicktime', 10 * 1024 * 1024 + 1));
    expect(screen.getByTestId('upload-error').textContent).toBe('huge.mov: too large, limit 10 MiB');
    expect(FakeXhr.all).toHaveLength(0);
    expect(screen.getByTestId('send-button')).toHaveProperty('disabled', true);
  });

  it('shows the server’s reason for a refused type, and removing the file clears it', async () => {
    await openChat();
    attach(new File(['<html>'], 'page.html', { type: 'text/html' }));
    act(() => FakeXhr.all[0].respond(415, { title: 'Unsupported Media Type', status: 415, detail: 'Active content (HTML) cannot be sent.' }));
    expect((await screen.findByTestId('upload-error')).textContent).toBe('page.html: Active content (HTML) cannot be sent.');
    fireEvent.click(screen.getByRole('button', { name: 'Remove page.html' }));
    expect(screen.queryByTestId('upload-tray')).toBeNull();
  });

  it('cancels an upload that is still running', async () => {
    await openChat();
    attach(new File(['x'], 'notes.txt', { type: 'text/plain' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel upload of notes.txt' }));
    expect(FakeXhr.all[0].aborted).toBe(true);
    expect(screen.queryByTestId('upload-tray')).toBeNull();
  });
});

describe('attachments in the conversation', () => {
  it('shows an image as its thumbnail, fetched with the token, in a box of its shape', async () => {
    await openChat();
    const img = await screen.findByTestId<HTMLImageElement>('attachment-thumbnail');
    expect(img.getAttribute('src')).toBe('blob:thumb');
    expect(fetched).toContainEqual({ path: '/api/attachments/a-png/thumbnail', auth: 'Bearer tok' });
    expect(screen.getByTestId('attachment-image').style.width).toBe('240px');
    expect(screen.getByTestId('attachment-image').style.height).toBe('180px');
  });

  it('shows no attachments once the message is deleted', async () => {
    const ws = await openChat();
    await screen.findByTestId('attachment-image');
    await act(async () => ws.push({ type: 'message.deleted', chatId: 'c1', messageId: 'm1' }));
    expect(screen.queryByTestId('message-attachments')).toBeNull();
  });

  it('previews a message of a file alone in the chat list by its name', async () => {
    const ws = await openChat();
    await act(async () => ws.push({ type: 'message.created', message: message(2, { text: '', attachments: [pdf] }) }));
    expect(within(screen.getByTestId('chat-item')).getByTestId('chat-item-preview').textContent).toBe('📎 report.pdf');
  });
});
