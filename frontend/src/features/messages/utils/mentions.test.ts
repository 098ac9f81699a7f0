import { describe, expect, it } from 'vitest';
import type { Member } from '../../../lib/types';
import { insertMention, mentionedIds, mentionQuery, mentionTokens, resolveMentions, suggestMembers, withCurrentNames } from './mentions';

const member = (id: string, username: string): Member => ({ id, username, avatarUrl: null });
const ann = member('u1', 'ann');
const bob = member('u2', 'bob');
const cat = member('u3', 'Cat_9');
const members = [ann, bob, cat];

/** Each span as the text it covers, with whom. */
const shown = (text: string, spans: { start: number; end: number; userId: string }[]) => spans.map((s) => `${text.slice(s.start, s.end)}=${s.userId}`);

describe('mentionTokens (the server’s rule)', () => {
  it('finds an @ that starts a word, and not one inside an address or a name', () => {
    expect(mentionTokens('@bob, mail@bob and x@@ann @cat_9.').map((t) => t.name)).toEqual(['bob', 'cat_9.']);
  });

  it('needs three name characters and takes at most 32', () => {
    expect(mentionTokens('@ab @abc')).toEqual([{ start: 4, name: 'abc' }]);
    expect(mentionTokens(`@${'a'.repeat(40)}`)[0].name).toHaveLength(32);
  });
});

describe('mentionedIds (what the server will answer)', () => {
  it('names members in the order written, once each, in any case, without sentence punctuation', () => {
    expect(mentionedIds('@CAT_9. and @bob- not @eve nor mail@ann, @bob again', members)).toEqual(['u3', 'u2']);
  });

  it('is empty when no member is named', () => {
    expect(mentionedIds('just an @ sign, and @nobody', members)).toEqual([]);
  });
});

describe('resolveMentions', () => {
  it('maps current names to the mentioned members, leaving trailing punctuation outside the span', () => {
    const text = 'Hi @Bob. and @cat_9-';
    expect(shown(text, resolveMentions(text, ['u2', 'u3'], members))).toEqual(['@Bob=u2', '@cat_9=u3']);
  });

  it('shows an old name as the member who renamed: spans without a current name take the unclaimed ids in order', () => {
    // bob was "bobby", cat was "kitty" when this was written; ann kept her name.
    const text = '@kitty, @ann and @bobby, and @kitty again';
    const spans = resolveMentions(text, ['u3', 'u1', 'u2'], members);
    expect(shown(text, spans)).toEqual(['@kitty=u3', '@ann=u1', '@bobby=u2', '@kitty=u3']);
  });

  it('leaves unknown names, addresses and members the server did not count as plain text', () => {
    const text = '@bob look, @eve, mail@bob, @ann';
    // ann is a member now but was not mentioned (she joined later): no chip for her, and eve takes no id.
    expect(shown(text, resolveMentions(text, ['u2'], members))).toEqual(['@bob=u2']);
  });

  it('does not give an unknown name the id of a member named by their current name', () => {
    const text = '@eve and @bob';
    expect(shown(text, resolveMentions(text, ['u2'], members))).toEqual(['@bob=u2']);
  });

  it('shows nothing when the message mentions nobody (or an old payload has no mentions)', () => {
    expect(resolveMentions('@bob hi', [], members)).toEqual([]);
  });
});

describe('withCurrentNames (the chat list’s preview)', () => {
  it('spells each mention by the current name and leaves the rest as written', () => {
    expect(withCurrentNames('**@kitty**, @eve and @bob.', ['u3', 'u2'], members)).toBe('**@Cat_9**, @eve and @bob.');
  });
});

describe('the composer’s suggestions', () => {
  it('finds the @prefix before the caret, not an address or a finished word', () => {
    expect(mentionQuery('hi @bo', 6)).toEqual({ start: 3, prefix: 'bo' });
    expect(mentionQuery('hi @bo there', 6)).toEqual({ start: 3, prefix: 'bo' });
    expect(mentionQuery('hi @', 4)).toBeNull();
    expect(mentionQuery('mail@bo', 7)).toBeNull();
    expect(mentionQuery('@bob ', 5)).toBeNull();
  });

  it('filters members by prefix in any case', () => {
    expect(suggestMembers(members, 'C')).toEqual([cat]);
    expect(suggestMembers([...members, member('u4', 'bobby')], 'bo').map((m) => m.username)).toEqual(['bob', 'bobby']);
  });

  it('replaces the prefix with the whole name and a space', () => {
    expect(insertMention('hi @bo', 6, 3, 'bob')).toEqual({ value: 'hi @bob ', caret: 8 });
    expect(insertMention('hi @bo see you', 6, 3, 'bob')).toEqual({ value: 'hi @bob see you', caret: 8 });
  });
});
