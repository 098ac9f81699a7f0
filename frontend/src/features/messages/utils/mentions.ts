import type { Member } from '../../../lib/types';

/**
 * `@username` mentions (issue 18), read with the server's rules (chat-service `Mentions`): an `@`
 * that starts a word, then 3–32 username characters; a trailing `.` or `-` that ends a sentence
 * may be left off the name. The server decides who a message mentions and sends their ids
 * (`message.mentions`); the text keeps the name as written, so after a rename the span and the
 * id have to be paired up again here.
 */
const MENTION = /(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,32})/g;

/** An `@name` in the text: where its `@` is and the name as written (without the `@`). */
export interface MentionToken {
  start: number;
  name: string;
}

/** A span of the text that names a member: `[start, end)` covers the `@` and the name. */
export interface MentionSpan {
  start: number;
  end: number;
  userId: string;
}

export function mentionTokens(text: string): MentionToken[] {
  return [...text.matchAll(MENTION)].map((m) => ({ start: m.index, name: m[1] }));
}

const withoutTrailing = (name: string) => name.replace(/[.-]+$/, '');

function idsByName(members: Member[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const m of members) if (!byName.has(m.username.toLowerCase())) byName.set(m.username.toLowerCase(), m.id);
  return byName;
}

/** The member a written name names now, and how many of its characters are the name. */
function currentMember(name: string, byName: Map<string, string>): { id: string; length: number } | null {
  const full = byName.get(name.toLowerCase());
  if (full) return { id: full, length: name.length };
  const bare = withoutTrailing(name);
  const id = bare !== name ? byName.get(bare.toLowerCase()) : undefined;
  return id ? { id, length: bare.length } : null;
}

/**
 * Who the text mentions among `members`, by id, in the order named: what the server will
 * answer, so a message still on its way already shows its mentions.
 */
export function mentionedIds(text: string, members: Member[]): string[] {
  const byName = idsByName(members);
  const ids: string[] = [];
  for (const t of mentionTokens(text)) {
    const id = currentMember(t.name, byName)?.id;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Pairs the `@name` spans of a message with the ids the server says it mentions. A span naming a
 * current member maps to them when they are mentioned (and stays plain when they are not: they
 * joined, or took that name, after the message was written). The other spans are old names of
 * members who renamed since: in order, each distinct name takes the next mentioned id that no
 * current name claimed. Spans left over name nobody.
 */
export function resolveMentions(text: string, mentions: readonly string[], members: Member[]): MentionSpan[] {
  if (mentions.length === 0) return [];
  const byName = idsByName(members);
  const spans: MentionSpan[] = [];
  const claimed = new Set<string>();
  const renamed: { start: number; key: string; length: number }[] = [];
  for (const t of mentionTokens(text)) {
    const member = currentMember(t.name, byName);
    if (member) {
      if (mentions.includes(member.id)) {
        spans.push({ start: t.start, end: t.start + 1 + member.length, userId: member.id });
        claimed.add(member.id);
      }
      continue;
    }
    const bare = withoutTrailing(t.name);
    const name = bare.length >= 3 ? bare : t.name;
    renamed.push({ start: t.start, key: name.toLowerCase(), length: name.length });
  }
  const unclaimed = [...new Set(mentions)].filter((id) => !claimed.has(id));
  const idOfOldName = new Map<string, string | undefined>();
  for (const r of renamed) {
    if (!idOfOldName.has(r.key)) idOfOldName.set(r.key, unclaimed.shift());
    const userId = idOfOldName.get(r.key);
    if (userId) spans.push({ start: r.start, end: r.start + 1 + r.length, userId });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The `@prefix` being typed just before the caret (at least one letter after the `@`), if any. */
export function mentionQuery(text: string, caret: number): { start: number; prefix: string } | null {
  const m = /(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{1,32})$/.exec(text.slice(0, caret));
  return m ? { start: m.index, prefix: m[1] } : null;
}

/** Members whose name starts with the prefix (any case), at most `limit`, in the given order. */
export function suggestMembers(members: Member[], prefix: string, limit = 6): Member[] {
  const p = prefix.toLowerCase();
  return members.filter((m) => m.username.toLowerCase().startsWith(p)).slice(0, limit);
}

/** Replaces the `@prefix` before the caret with `@username ` and puts the caret after it. */
export function insertMention(text: string, caret: number, start: number, username: string): { value: string; caret: number } {
  const inserted = `@${username} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { value: text.slice(0, start) + inserted + after, caret: start + inserted.length };
}

/** The text with each mention spelled by the member's current name (for previews). */
export function withCurrentNames(text: string, mentions: readonly string[], members: Member[]): string {
  let out = '';
  let from = 0;
  for (const s of resolveMentions(text, mentions, members)) {
    const name = members.find((m) => m.id === s.userId)?.username;
    if (!name) continue;
    out += `${text.slice(from, s.start)}@${name}`;
    from = s.end;
  }
  return out + text.slice(from);
}
