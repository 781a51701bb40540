import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatTime, timeLeft } from './time.ts';
import { translate } from '../i18n/dicts.ts';
import { withQuery, itemsOf } from '../api/client.ts';
import { stepOf } from '../citizen/Progress.tsx';

const zh = (k: string, v?: Record<string, string | number>) => translate('zh', k, v);
const en = (k: string, v?: Record<string, string | number>) => translate('en', k, v);

describe('time helpers', () => {
  it('shows Beijing time whatever the machine zone', () => {
    expect(formatTime('2026-11-23T16:30:00Z')).toBe('2026-11-24 00:30');
    expect(formatDate('2026-10-01T01:00:00+08:00')).toBe('2026-10-01');
    expect(formatTime(null)).toBe('');
  });

  it('says how long is left or how long overdue, in both languages', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(timeLeft('2026-11-24T05:00:00Z', zh, now)).toBe('剩 1天5小时');
    expect(timeLeft('2026-11-22T22:00:00Z', zh, now)).toBe('已超时 2小时');
    expect(timeLeft('2026-11-23T00:40:00Z', en, now)).toBe('40 min left');
    expect(timeLeft(null, en, now)).toBe('');
    expect(formatDuration(3 * 86400_000, en)).toBe('3 d');
    expect(timeLeft('2026-11-24T05:00:00Z', en, now)).toBe('1 d 5 h left');
  });
});

describe('api client helpers', () => {
  it('builds query strings without empty values', () => {
    expect(withQuery('/api/v1/tickets', { q: '路灯', page: 2, status: undefined, phone: '', ids: ['a', 'b'] })).toBe(
      '/api/v1/tickets?q=%E8%B7%AF%E7%81%AF&page=2&ids=a%2Cb',
    );
    expect(withQuery('/x?a=1', { b: true })).toBe('/x?a=1&b=true');
  });

  it('reads lists given as arrays or as {items}', () => {
    expect(itemsOf([1, 2])).toEqual([1, 2]);
    expect(itemsOf({ items: [3] })).toEqual([3]);
    expect(itemsOf(null)).toEqual([]);
  });
});

describe('citizen progress', () => {
  it('maps statuses onto 受理 → 派单 → 签收 → 办理 → 答复 → 回访 → 办结', () => {
    expect(stepOf('received')).toBe(0);
    expect(stepOf('returned')).toBe(1);
    expect(stepOf('handling', ['progress'])).toBe(3);
    expect(stepOf('replied')).toBe(4);
    expect(stepOf('closed')).toBe(6);
  });
});

describe('the steps a citizen is shown', () => {
  it('shows only the steps that happen on the ticket path', async () => {
    const { stepsFor } = await import('../citizen/Progress.tsx');
    expect(stepsFor('closed', ['receive', 'direct_answer'])).toEqual({ steps: ['received', 'direct_answer', 'closed'], at: 2 });
    expect(stepsFor('merged', ['receive', 'merge'])).toEqual({ steps: ['received', 'merged'], at: 1 });
    expect(stepsFor('closed', ['receive', 'dispatch', 'sign', 'reply', 'callback', 'close']).steps).toHaveLength(7);
    // reopened after a direct answer and then dispatched: the full path
    expect(stepsFor('dispatched', ['receive', 'direct_answer', 'reopen', 'dispatch']).at).toBe(1);
  });
});
