import { describe, expect, it } from 'vitest';
import { draftStore } from './drafts';

describe('draftStore', () => {
  it('keeps a draft per user and chat', () => {
    draftStore.set('u1', 'c1', 'hello c1');
    draftStore.set('u1', 'c2', 'hello c2');
    expect(draftStore.get('u1', 'c1')).toBe('hello c1');
    expect(draftStore.get('u1', 'c2')).toBe('hello c2');
    expect(draftStore.get('u2', 'c1')).toBe('');
  });

  it('removes a draft that becomes empty or blank', () => {
    draftStore.set('u1', 'c1', 'hello');
    draftStore.set('u1', 'c1', '   ');
    expect(draftStore.get('u1', 'c1')).toBe('');
    expect(localStorage.length).toBe(0);
  });

  it('clears every draft and nothing else', () => {
    localStorage.setItem('carrier.token', 'tok');
    draftStore.set('u1', 'c1', 'a');
    draftStore.set('u2', 'c2', 'b');
    draftStore.clearAll();
    expect(draftStore.get('u1', 'c1')).toBe('');
    expect(draftStore.get('u2', 'c2')).toBe('');
    expect(localStorage.getItem('carrier.token')).toBe('tok');
  });
});
