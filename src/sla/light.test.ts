import { describe, expect, it } from 'vitest';
import { lightFor, yellowAt } from './light.ts';

const start = new Date('2025-10-09T10:00:00+08:00');
const deadline = new Date('2025-10-09T18:00:00+08:00'); // 8 hours; yellow in the last 2
const at = (hhmm: string) => new Date(`2025-10-09T${hhmm}:00+08:00`);

describe('lightFor', () => {
  it('is green with more than a quarter left, yellow in the last quarter, red when past', () => {
    expect(lightFor({ start, deadline, now: at('10:00') })).toBe('green');
    expect(lightFor({ start, deadline, now: at('15:59') })).toBe('green');
    expect(lightFor({ start, deadline, now: at('16:00') })).toBe('yellow');
    expect(lightFor({ start, deadline, now: at('18:00') })).toBe('yellow');
    expect(lightFor({ start, deadline, now: new Date(deadline.getTime() + 1) })).toBe('red');
  });
  it('is null when done or without a deadline', () => {
    expect(lightFor({ start, deadline, now: at('19:00'), done: true })).toBeNull();
    expect(lightFor({ start, deadline: null, now: at('19:00') })).toBeNull();
  });
  it('gives the instant reminders start', () => {
    expect(yellowAt(start, deadline).toISOString()).toBe(at('16:00').toISOString());
  });
});
