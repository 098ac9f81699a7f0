// An in-memory stand-in for the Carrier gateway, written from docs/api.md, so the web
// client and its browser tests can run before (or without) the real stack:
//   npm run build && npm run fake-server        # serves dist/ and /api on FAKE_PORT (8090)
//   CARRIER_URL=http://localhost:8090 npm run test:e2e
// It is a development aid only; the e2e tests are meant for the real gateway.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { randomUUID, randomBytes } from 'node:crypto';
import { extname, join, normalize } from 'node:path';
import { WebSocketServer } from 'ws';

const PORT = Number(process.env.FAKE_PORT ?? 8090);
const DIST = new URL('../dist/', import.meta.url).pathname;
const users = new Map(); // id -> {id, username, email, password, avatar: {type, bytes}|null, v, createdAt}
const sessions = new Map(); // token -> userId
const chats = new Map(); // id -> {id, type, name, memberIds, createdAt, messages: [], reads: Map}
const sockets = new Map(); // userId -> Set<ws>
const attachments = new Map(); // id -> {id, name, type, size, width, height, chatId, uploaderId, bytes, messageId}
const ATTACHMENT_LIMIT = Number(process.env.FAKE_ATTACHMENT_LIMIT ?? 10 * 1024 * 1024);

const now = () => new Date().toISOString();
const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;
const PRESETS = { fox: '🦊', owl: '🦉', cat: '🐱', bear: '🐻', panda: '🐼', koala: '🐨' };

class Problem extends Error {
  constructor(status, detail, extra = {}) {
    super(detail);
    this.status = status;
    this.extra = extra;
  }
}
const titles = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type' };

const avatarUrl = (u) => (u.avatar ? `/api/users/${u.id}/avatar?v=${u.v}` : null);
const publicUser = (u, self = false) => ({ id: u.id, username: u.username, ...(self ? { email: u.email } : {}), avatarUrl: avatarUrl(u), createdAt: u.createdAt });
const member = (id) => {
  const u = users.get(id);
  return { id, username: u.username, avatarUrl: avatarUrl(u) };
};
const chatJson = (c) => ({ id: c.id, type: c.type, name: c.name, members: c.memberIds.map(member), createdAt: c.createdAt });
const findUser = (q) => [...users.values()].find((u) => u.username.toLowerCase() === String(q).toLowerCase() || u.email.toLowerCase() === String(q).toLowerCase());

function push(userIds, event) {
  const data = JSON.stringify(event);
  for (const id of userIds) for (const ws of sockets.get(id) ?? []) if (ws.readyState === 1) ws.send(data);
}
const sharingChatsWith = (userId) => [...chats.values()].filter((c) => c.memberIds.includes(userId));

async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks);
}
async function json(req) {
  const b = await body(req);
  try {
    return JSON.parse(b.toString('utf8') || '{}');
  } catch {
    throw new Problem(400, 'Malformed JSON');
  }
}
function auth(req) {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  const userId = m && sessions.get(m[1]);
  if (!userId) throw new Problem(401, 'Missing or invalid token');
  return users.get(userId);
}
function chatOf(user, id) {
  const c = chats.get(id);
  if (!c || !c.memberIds.includes(user.id)) throw new Problem(404, 'No such chat');
  return c;
}
function resolveMembers(list) {
  if (!Array.isArray(list) || list.length === 0) throw new Problem(400, 'members must be a non-empty list');
  return list.map((q) => {
    const u = findUser(q);
    if (!u) throw new Problem(404, `No user named ${q}`);
    return u.id;
  });
}

// Mentions (issue 18), by chat-service's rule: an @ that starts a word, then a username; a
// trailing . or - ending a sentence may be left off; members by id, in the order named.
const MENTION = /(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,32})/g;
function mentionsOf(text, memberIds) {
  const idOf = (name) => memberIds.find((id) => users.get(id)?.username.toLowerCase() === name.toLowerCase());
  const ids = [];
  for (const [, name] of text.matchAll(MENTION)) {
    const bare = name.replace(/[.-]+$/, '');
    const id = idOf(name) ?? (bare !== name ? idOf(bare) : undefined);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

const REACTION = /^\/api\/chats\/([^/]+)\/messages\/([^/]+)\/reactions\/([^/]+)$/;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const isOneEmoji = (s) => [...segmenter.segment(s)].length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(s);

async function react(req, chatId, messageId, emoji, add) {
  const me = auth(req);
  const c = chatOf(me, chatId);
  const m = c.messages.find((x) => x.id === messageId && !x.deleted);
  if (!m) throw new Problem(404, 'No such message');
  if (!isOneEmoji(emoji)) throw new Problem(400, 'A reaction is one emoji');
  m._reactions ??= [];
  const r = m._reactions.find((x) => x.emoji === emoji);
  if (add && !r?.userIds.includes(me.id)) {
    if (!r && m._reactions.length >= 20) throw new Problem(400, 'A message takes at most 20 different emoji');
    if (r) r.userIds.push(me.id);
    else m._reactions.push({ emoji, userIds: [me.id] });
  } else if (!add && r?.userIds.includes(me.id)) {
    r.userIds = r.userIds.filter((u) => u !== me.id);
    if (r.userIds.length === 0) m._reactions = m._reactions.filter((x) => x !== r);
  } else {
    return [204];
  }
  push(c.memberIds, { type: 'message.updated', message: strip(m) });
  return [204];
}

/**
 * One send, by POST or by the socket's `send` frame (the same body): the stored message as the
 * wire shows it, or a Problem. A retry with the same clientMessageId answers the stored message.
 */
function sendMessage(me, chatId, { text, clientMessageId, replyTo, attachmentIds = [] }) {
  const c = chatOf(me, chatId);
  const t = typeof text === 'string' ? text.trim() : '';
  const dup = c.messages.find((m) => m.senderId === me.id && m._cmid && m._cmid === clientMessageId);
  if (dup) return strip(dup);
  if (!Array.isArray(attachmentIds) || attachmentIds.length > 10) throw new Problem(400, 'At most 10 attachments');
  const files = attachmentIds.map((aid) => attachments.get(aid));
  if (files.some((a) => !a || a.chatId !== c.id || a.uploaderId !== me.id || a.messageId)) throw new Problem(400, 'Unknown or used attachment');
  if ((t.length < 1 && files.length === 0) || t.length > 4000) throw new Problem(400, 'Message text must be 1 to 4000 characters');
  if (replyTo !== undefined && replyTo !== null && !c.messages.some((x) => x.id === replyTo && !x.deleted)) {
    throw new Problem(400, 'replyTo must be a message of this chat that is not deleted');
  }
  const m = { id: randomUUID(), chatId: c.id, seq: c.messages.length + 1, senderId: me.id, text: t, sentAt: now(), deleted: false, editedAt: null, mentions: mentionsOf(t, c.memberIds), _cmid: clientMessageId, _replyTo: replyTo ?? null, _reactions: [], _attachments: files };
  for (const a of files) a.messageId = m.id;
  c.messages.push(m);
  c.hiddenFor?.clear(); // a new message brings a hidden chat back for everyone who hid it
  push(c.memberIds, { type: 'message.created', message: strip(m) });
  return strip(m);
}

/** The `send` frame's answer, on its own socket only: `sent` with the message, or `send.failed` with the POST's problem. */
function answerSend(userId, frame) {
  const clientMessageId = typeof frame.clientMessageId === 'string' ? frame.clientMessageId : null;
  try {
    if (!clientMessageId) throw new Problem(400, 'clientMessageId is required');
    const { type: _type, chatId, ...body } = frame;
    return { type: 'sent', clientMessageId, message: sendMessage(users.get(userId), String(chatId ?? ''), body) };
  } catch (e) {
    if (!(e instanceof Problem)) console.error(e);
    return { type: 'send.failed', clientMessageId, problem: problemJson(e, `/api/chats/${frame.chatId}/messages`) };
  }
}

/** The RFC 9457 document for an error (a Problem's own status, else 500). */
function problemJson(e, instance) {
  const status = e instanceof Problem ? e.status : 500;
  return { type: 'about:blank', title: titles[status] ?? 'Error', status, detail: e.message, instance, ...(e.extra ?? {}) };
}

const routes = [
  ['POST', /^\/api\/auth\/signup$/, async (req) => {
    const { username, email, password } = await json(req);
    if (!USERNAME.test(username ?? '')) throw new Problem(400, 'Username must be 3 to 32 letters, digits, or _ . -');
    if (!/^[^\s@]+@[^\s@]+$/.test(email ?? '')) throw new Problem(400, 'Email is not valid');
    if (typeof password !== 'string' || password.length < 8 || password.length > 128) throw new Problem(400, 'Password must be 8 to 128 characters');
    if (findUser(username) || findUser(email)) throw new Problem(409, 'That username or email is already taken');
    const u = { id: randomUUID(), username, email, password, avatar: null, v: 0, createdAt: now() };
    users.set(u.id, u);
    return [201, { user: publicUser(u, true) }];
  }],
  ['POST', /^\/api\/auth\/login$/, async (req) => {
    const { login, password } = await json(req);
    const u = findUser(login ?? '');
    if (!u || u.password !== password) throw new Problem(401, 'Wrong username, email or password');
    const token = randomBytes(32).toString('base64url');
    sessions.set(token, u.id);
    return [200, { token, expiresAt: new Date(Date.now() + 12 * 3600e3).toISOString(), user: publicUser(u, true) }];
  }],
  ['POST', /^\/api\/auth\/logout$/, async (req) => {
    auth(req);
    sessions.delete(req.headers.authorization.slice(7));
    return [204];
  }],
  ['GET', /^\/api\/users\/me$/, async (req) => [200, { user: publicUser(auth(req), true) }]],
  ['PATCH', /^\/api\/users\/me$/, async (req) => {
    const u = auth(req);
    const { username, email } = await json(req);
    if (username !== undefined) {
      if (!USERNAME.test(username)) throw new Problem(400, 'Username must be 3 to 32 letters, digits, or _ . -');
      const other = findUser(username);
      if (other && other.id !== u.id) throw new Problem(409, 'That username is taken');
      u.username = username;
    }
    if (email !== undefined) {
      const other = findUser(email);
      if (other && other.id !== u.id) throw new Problem(409, 'That email is taken');
      u.email = email;
    }
    for (const c of sharingChatsWith(u.id)) push(c.memberIds, { type: 'chat.updated', chat: chatJson(c) });
    return [200, { user: publicUser(u, true) }];
  }],
  ['PUT', /^\/api\/users\/me\/password$/, async (req) => {
    const u = auth(req);
    const { currentPassword, newPassword } = await json(req);
    if (currentPassword !== u.password) throw new Problem(403, 'The current password is wrong.', { type: 'https://carrier.dev/problems/wrong-password' });
    if (typeof newPassword !== 'string' || newPassword.length < 8) throw new Problem(400, 'Password must be 8 to 128 characters');
    u.password = newPassword;
    return [204];
  }],
  ['PUT', /^\/api\/users\/me\/avatar$/, async (req) => {
    const u = auth(req);
    const type = (req.headers['content-type'] ?? '').split(';')[0];
    if (type === 'application/json') {
      const { preset } = await json(req);
      if (!PRESETS[preset]) throw new Problem(400, 'Unknown preset');
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#eef2ff"/><text x="32" y="44" font-size="36" text-anchor="middle">${PRESETS[preset]}</text></svg>`;
      u.avatar = { type: 'image/svg+xml', bytes: Buffer.from(svg) };
    } else if (['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(type)) {
      const bytes = await body(req);
      if (bytes.length > 1024 * 1024) throw new Problem(413, 'The image must be at most 1 MiB');
      u.avatar = { type, bytes };
    } else throw new Problem(415, 'Send a PNG, JPEG, GIF or WebP image, or {"preset": NAME}');
    u.v += 1;
    for (const c of sharingChatsWith(u.id)) push(c.memberIds, { type: 'chat.updated', chat: chatJson(c) });
    return [200, { user: publicUser(u, true) }];
  }],
  ['GET', /^\/api\/users\/([^/]+)\/avatar$/, async (_req, [id]) => {
    const u = users.get(id);
    if (!u?.avatar) throw new Problem(404, 'No avatar');
    return [200, u.avatar.bytes, u.avatar.type];
  }],
  ['GET', /^\/api\/users\/lookup$/, async (req, _m, url) => {
    auth(req);
    const u = findUser(url.searchParams.get('q') ?? '');
    if (!u) throw new Problem(404, 'No such user');
    return [200, { user: publicUser(u) }];
  }],
  ['POST', /^\/api\/chats$/, async (req) => {
    const me = auth(req);
    const { members, name } = await json(req);
    const others = [...new Set(resolveMembers(members).filter((id) => id !== me.id))];
    if (others.length === 0) throw new Problem(400, 'Add someone other than yourself');
    if (others.length === 1) {
      const existing = [...chats.values()].find((c) => c.type === 'direct' && c.memberIds.includes(me.id) && c.memberIds.includes(others[0]));
      if (existing) throw new Problem(409, 'You already have a direct chat with that person', { chat: chatJson(existing) });
    }
    const c = { id: randomUUID(), type: others.length === 1 ? 'direct' : 'group', name: others.length === 1 ? null : name || null, memberIds: [me.id, ...others], createdAt: now(), messages: [], reads: new Map() };
    chats.set(c.id, c);
    push(c.memberIds, { type: 'chat.created', chat: chatJson(c) });
    return [201, { chat: chatJson(c) }];
  }],
  ['GET', /^\/api\/chats$/, async (req) => {
    const me = auth(req);
    const list = sharingChatsWith(me.id).filter((c) => !c.hiddenFor?.has(me.id)).map((c) => {
      const last = c.messages.at(-1) ?? null;
      const read = c.reads.get(me.id) ?? 0;
      const unread = c.messages.filter((m) => m.seq > read && m.senderId !== me.id && !m.deleted);
      const mentions = unread.filter((m) => m.mentions.includes(me.id)).length;
      return { chat: chatJson(c), lastMessage: last && strip(last), unread: unread.length, mentions, at: last?.sentAt ?? c.createdAt };
    });
    list.sort((a, b) => (a.at < b.at ? 1 : -1));
    return [200, list.map(({ at: _at, ...rest }) => rest)];
  }],
  ['GET', /^\/api\/chats\/([^/]+)$/, async (req, [id]) => [200, { chat: chatJson(chatOf(auth(req), id)) }]],
  ['POST', /^\/api\/chats\/([^/]+)\/members$/, async (req, [id]) => {
    const c = chatOf(auth(req), id);
    if (c.type !== 'group') throw new Problem(400, 'Only groups take new members');
    const { members } = await json(req);
    for (const uid of resolveMembers(members)) if (!c.memberIds.includes(uid)) c.memberIds.push(uid);
    push(c.memberIds, { type: 'chat.updated', chat: chatJson(c) });
    return [200, { chat: chatJson(c) }];
  }],
  ['DELETE', /^\/api\/chats\/([^/]+)\/members\/me$/, async (req, [id]) => {
    const me = auth(req);
    const c = chatOf(me, id);
    if (c.type !== 'group') throw new Problem(404, 'No such group');
    c.memberIds = c.memberIds.filter((x) => x !== me.id);
    push(c.memberIds, { type: 'chat.updated', chat: chatJson(c) });
    return [204];
  }],
  // Hiding a direct chat (issue 19): per user, out of GET /api/chats until its next message.
  ['PUT', /^\/api\/chats\/([^/]+)\/hidden$/, async (req, [id]) => {
    const me = auth(req);
    const c = chatOf(me, id);
    const { hidden } = await json(req);
    if (typeof hidden !== 'boolean') throw new Problem(400, 'hidden must be true or false');
    if (c.type !== 'direct') throw new Problem(400, 'Only a direct chat can be hidden; leave a group instead');
    c.hiddenFor ??= new Set();
    if (hidden) c.hiddenFor.add(me.id);
    else c.hiddenFor.delete(me.id);
    push([me.id], { type: 'chat.hidden', chatId: c.id, hidden });
    return [204];
  }],
  // Message search (issue 20): every term (or "quoted phrase") must occur, case-insensitively.
  ['GET', /^\/api\/search$/, async (req, _m, url) => search(auth(req), url)],
  ['POST', /^\/api\/chats\/([^/]+)\/read$/, async (req, [id]) => {
    const me = auth(req);
    const c = chatOf(me, id);
    const { seq } = await json(req);
    c.reads.set(me.id, Math.max(c.reads.get(me.id) ?? 0, Number(seq) || 0));
    push(c.memberIds, { type: 'read', chatId: c.id, userId: me.id, seq: c.reads.get(me.id) });
    return [204];
  }],
  ['POST', /^\/api\/chats\/([^/]+)\/attachments$/, async (req, [id], url) => {
    const me = auth(req);
    const c = chatOf(me, id);
    const name = (url.searchParams.get('name') ?? '').trim();
    if (!name || name.length > 255) throw new Problem(400, 'name must be 1 to 255 characters');
    const bytes = await body(req);
    if (bytes.length === 0) throw new Problem(400, 'The file is empty');
    if (bytes.length > ATTACHMENT_LIMIT) throw new Problem(413, `The file is larger than ${ATTACHMENT_LIMIT} bytes`);
    const type = sniff(bytes);
    if (!type) throw new Problem(415, 'Active content (HTML, SVG, scripts) cannot be sent');
    const declared = String(req.headers['content-type'] ?? '');
    if ((declared.startsWith('image/') || declared === 'application/pdf') && declared !== type) throw new Problem(415, `The file is not ${declared}`);
    const size = type === 'image/png' ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : { width: null, height: null };
    const a = { id: randomUUID(), name, type, size: bytes.length, ...size, chatId: c.id, uploaderId: me.id, bytes, messageId: null };
    attachments.set(a.id, a);
    return [201, { attachment: attachmentJson(a) }];
  }],
  ['GET', /^\/api\/attachments\/([^/]+?)(\/thumbnail)?$/, async (req, [id, thumb]) => {
    const me = auth(req);
    const a = attachments.get(id);
    const c = a && chats.get(a.chatId);
    if (!a || !c?.memberIds.includes(me.id) || (!a.messageId && a.uploaderId !== me.id)) throw new Problem(404, 'No such attachment');
    if (thumb && !a.type.startsWith('image/')) throw new Problem(404, 'Only images have thumbnails');
    // The fake's "thumbnail" is the image itself (its test images are small already).
    const disposition = a.type.startsWith('image/') ? 'inline' : `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`;
    return [200, a.bytes, a.type, { 'Content-Disposition': disposition, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=86400' }];
  }],
  ['POST', /^\/api\/chats\/([^/]+)\/messages$/, async (req, [id]) => [201, { message: sendMessage(auth(req), id, await json(req)) }]],
  ['GET', /^\/api\/chats\/([^/]+)\/messages$/, async (req, [id], url) => {
    const c = chatOf(auth(req), id);
    const limit = Math.min(200, Number(url.searchParams.get('limit') ?? 50));
    const before = url.searchParams.get('beforeSeq');
    const after = url.searchParams.get('afterSeq');
    let list = c.messages;
    if (after !== null) list = list.filter((m) => m.seq > Number(after)).slice(0, limit);
    else if (before !== null) list = list.filter((m) => m.seq < Number(before)).slice(-limit);
    else list = list.slice(-limit);
    return [200, list.map(strip)];
  }],
  ['PATCH', /^\/api\/chats\/([^/]+)\/messages\/([^/]+)$/, async (req, [id, mid]) => {
    const me = auth(req);
    const c = chatOf(me, id);
    const m = c.messages.find((x) => x.id === mid && x.senderId === me.id && !x.deleted);
    if (!m) throw new Problem(404, 'No such message');
    const { text } = await json(req);
    const t = typeof text === 'string' ? text.trim() : '';
    if (t.length < 1 || t.length > 4000) throw new Problem(400, 'Message text must be 1 to 4000 characters');
    if (t !== m.text) {
      m.text = t;
      m.mentions = mentionsOf(t, c.memberIds);
      m.editedAt = now();
      push(c.memberIds, { type: 'message.updated', message: strip(m) });
    }
    return [200, { message: strip(m) }];
  }],
  // Reactions (issue 18): idempotent PUT and DELETE; every change goes to all members as message.updated.
  ['PUT', REACTION, async (req, [id, mid, emoji]) => react(req, id, mid, decodeURIComponent(emoji), true)],
  ['DELETE', REACTION, async (req, [id, mid, emoji]) => react(req, id, mid, decodeURIComponent(emoji), false)],
  ['DELETE', /^\/api\/chats\/([^/]+)\/messages\/([^/]+)$/, async (req, [id, mid]) => {
    const me = auth(req);
    const c = chatOf(me, id);
    const m = c.messages.find((x) => x.id === mid && x.senderId === me.id);
    if (!m) throw new Problem(404, 'No such message');
    m.deleted = true;
    m.text = '';
    m.mentions = [];
    m._reactions = [];
    push(c.memberIds, { type: 'message.deleted', chatId: c.id, messageId: m.id });
    return [204];
  }],
  ['GET', /^\/api\/chats\/([^/]+)\/export$/, async (req, [id], url) => {
    const c = chatOf(auth(req), id);
    const msgs = c.messages.filter((m) => !m.deleted).map(strip);
    if (url.searchParams.get('format') === 'txt') {
      const txt = msgs.map((m) => `[${m.sentAt}] ${users.get(m.senderId)?.username}: ${m.text}`).join('\n') + '\n';
      return [200, Buffer.from(txt), 'text/plain; charset=utf-8', { 'Content-Disposition': `attachment; filename="chat-${c.id}.txt"` }];
    }
    return [200, Buffer.from(JSON.stringify({ chat: chatJson(c), messages: msgs }, null, 2)), 'application/json', { 'Content-Disposition': `attachment; filename="chat-${c.id}.json"` }];
  }],
];
function search(me, url) {
  const q = (url.searchParams.get('q') ?? '').trim();
  if (!q || q.length > 200) throw new Problem(400, 'q must be 1 to 200 characters');
  const limit = Number(url.searchParams.get('limit') ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new Problem(400, 'limit must be 1 to 50');
  const order = url.searchParams.get('order') ?? 'newest';
  if (order !== 'newest' && order !== 'best') throw new Problem(400, 'order must be newest or best');
  const before = url.searchParams.get('before');
  const offset = before === null ? 0 : Number(/^o(\d+)$/.exec(before)?.[1] ?? NaN);
  if (Number.isNaN(offset)) throw new Problem(400, 'Unknown cursor');
  const chatId = url.searchParams.get('chatId');
  const scope = chatId ? [chatOf(me, chatId)] : sharingChatsWith(me.id);
  const terms = [...q.matchAll(/"([^"]+)"|(\S+)/g)].map((t) => (t[1] ?? t[2]).toLowerCase());
  const found = [];
  for (const c of scope) {
    for (const m of c.messages) {
      if (m.deleted) continue;
      const lower = m.text.toLowerCase();
      if (!terms.every((t) => lower.includes(t))) continue;
      const highlights = [];
      for (const t of terms) for (let i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + t.length)) highlights.push([i, i + t.length]);
      highlights.sort((a, b) => a[0] - b[0]);
      found.push({ message: strip(m), chat: { id: c.id, type: c.type, name: c.name }, highlights });
    }
  }
  const newest = (a, b) => (a.message.sentAt < b.message.sentAt ? 1 : a.message.sentAt > b.message.sentAt ? -1 : b.message.seq - a.message.seq);
  found.sort(order === 'best' ? (a, b) => b.highlights.length - a.highlights.length || newest(a, b) : newest);
  const page = found.slice(offset, offset + limit);
  return [200, { results: page, next: offset + limit < found.length ? `o${offset + limit}` : null }];
}

/** A message as the wire shows it: the quoted original's current excerpt, reactions in order of first reaction. */
function strip({ _cmid, _replyTo, _reactions, _attachments, ...m }) {
  const original = _replyTo && chats.get(m.chatId)?.messages.find((x) => x.id === _replyTo);
  const replyTo = original
    ? { id: original.id, seq: original.seq, senderId: original.senderId, excerpt: original.deleted ? '' : [...original.text].slice(0, 120).join(''), deleted: original.deleted }
    : null;
  const reactions = (_reactions ?? []).map((r) => ({ emoji: r.emoji, count: r.userIds.length, userIds: [...r.userIds] }));
  return { ...m, editedAt: m.editedAt ?? null, replyTo, reactions, attachments: m.deleted ? [] : (_attachments ?? []).map(attachmentJson) };
}

const attachmentJson = ({ id, name, type, size, width, height }) => ({ id, name, type, size, width, height });

/** The type of a file from its first bytes (PNG, JPEG, PDF, else plain bytes); null for active content. */
function sniff(bytes) {
  const head = bytes.subarray(0, 512).toString('latin1');
  if (head.startsWith('\x89PNG\r\n\x1a\n')) return 'image/png';
  if (head.startsWith('\xff\xd8\xff')) return 'image/jpeg';
  if (head.startsWith('%PDF-')) return 'application/pdf';
  if (/<(html|svg|script|!doctype)/i.test(head)) return null;
  return 'application/octet-stream';
}

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  try {
    if (url.pathname.startsWith('/api/')) {
      for (const [method, re, handler] of routes) {
        const m = re.exec(url.pathname);
        if (m && method === req.method) {
          const [status, payload, type, headers = {}] = await handler(req, m.slice(1), url);
          if (payload === undefined) return res.writeHead(status).end();
          if (Buffer.isBuffer(payload)) return res.writeHead(status, { 'Content-Type': type, ...headers }).end(payload);
          return res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(payload));
        }
      }
      throw new Problem(404, 'No such endpoint');
    }
    const path = normalize(url.pathname).replace(/^(\.\.[/\\])+/, '');
    let file = join(DIST, path === '/' ? 'index.html' : path);
    let data;
    try {
      data = await readFile(file);
    } catch {
      file = join(DIST, 'index.html');
      data = await readFile(file);
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }).end(data);
  } catch (e) {
    if (!(e instanceof Problem)) console.error(e);
    const problem = problemJson(e, url.pathname);
    res.writeHead(problem.status, { 'Content-Type': 'application/problem+json' }).end(JSON.stringify(problem));
  }
});

// The token comes in the handshake (a `bearer.<token>` subprotocol, as the web client sends it)
// or in a first {"type":"auth"} frame; docs/api.md allows both.
const BEARER = 'bearer.';
const wss = new WebSocketServer({
  noServer: true,
  handleProtocols: (protocols) => [...protocols].find((p) => p.startsWith(BEARER)) ?? false,
});
const register = (ws, userId) => {
  if (!sockets.has(userId)) sockets.set(userId, new Set());
  sockets.get(userId).add(ws);
  ws.send(JSON.stringify({ type: 'ready' }));
};
server.on('upgrade', (req, socket, head) => {
  if (!req.url.startsWith('/api/ws')) return socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => {
    let userId = null;
    if (ws.protocol.startsWith(BEARER)) {
      userId = sessions.get(ws.protocol.slice(BEARER.length)) ?? null;
      if (!userId) return ws.close(4401, 'bad token');
      register(ws, userId);
    }
    ws.on('message', (raw) => {
      let frame;
      try {
        frame = JSON.parse(String(raw));
      } catch {
        return;
      }
      if (!userId) {
        userId = frame.type === 'auth' ? sessions.get(frame.token) : null;
        if (!userId) return ws.close(4401, 'bad token');
        return register(ws, userId);
      }
      if (frame.type === 'send') return ws.send(JSON.stringify(answerSend(userId, frame)));
      if (frame.type === 'typing') {
        const c = chats.get(frame.chatId);
        if (c?.memberIds.includes(userId)) push(c.memberIds.filter((x) => x !== userId), { type: 'typing', chatId: c.id, userId });
      }
    });
    ws.on('close', () => userId && sockets.get(userId)?.delete(ws));
  });
});

server.listen(PORT, () => console.log(`fake Carrier on http://localhost:${PORT}`));
