import { describe, expect, it } from 'vitest';
import type { Reaction } from '../../../lib/types';
import { hasReacted, reactionLabel, withReaction } from './reactions';

const thumbs: Reaction = { emoji: '👍', count: 1, userIds: ['u2'] };

describe('withReaction (the optimistic step)', () => {
  it('adds us to an emoji someone chose already, keeping its place', () => {
    const next = withReaction([thumbs, { emoji: '🎉', count: 1, userIds: ['u3'] }], '👍', 'u1', true);
    expect(next).toEqual([{ emoji: '👍', count: 2, userIds: ['u2', 'u1'] }, { emoji: '🎉', count: 1, userIds: ['u3'] }]);
  });

  it('puts a new emoji last (order of first reaction)', () => {
    expect(withReaction([thumbs], '🚀', 'u1', true).map((r) => r.emoji)).toEqual(['👍', '🚀']);
  });

  it('drops an emoji when its last reaction goes, and only lowers the count otherwise', () => {
    expect(withReaction([thumbs], '👍', 'u2', false)).toEqual([]);
    const two: Reaction = { emoji: '👍', count: 2, userIds: ['u2', 'u1'] };
    expect(withReaction([two], '👍', 'u1', false)).toEqual([thumbs]);
  });

  it('changes nothing when adding what is there or removing what is not (the calls are idempotent)', () => {
    const list = [thumbs];
    expect(withReaction(list, '👍', 'u2', true)).toBe(list);
    expect(withReaction(list, '👍', 'u1', false)).toBe(list);
    expect(withReaction(list, '🎉', 'u1', false)).toBe(list);
  });
});

describe('reaction chips', () => {
  it('know whether we reacted', () => {
    expect(hasReacted([thumbs], '👍', 'u2')).toBe(true);
    expect(hasReacted([thumbs], '👍', 'u1')).toBe(false);
    expect(hasReacted([thumbs], '👍', null)).toBe(false);
  });

  it('name who reacted by their current names', () => {
    const names: Record<string, string> = { u1: 'ann', u2: 'bob' };
    expect(reactionLabel({ emoji: '👍', count: 2, userIds: ['u1', 'u2'] }, (id) => names[id])).toBe('👍 2: ann, bob');
  });
});
