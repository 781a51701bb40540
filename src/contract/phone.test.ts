import { describe, expect, it } from 'vitest';
import { PhoneNumber, canonicalPhone, isCallablePhone } from './common.ts';
import { CreateTicketBody } from './tickets.ts';

describe('canonicalPhone: one caller, however the number is typed', () => {
  it.each([
    ['15822431810', '15822431810'],
    ['158-2243-1810', '15822431810'],
    ['158 2243 1810', '15822431810'],
    ['+8615822431810', '15822431810'],
    ['+86 158 2243 1810', '15822431810'],
    ['008615822431810', '15822431810'],
    ['8615822431810', '15822431810'],
    ['0593-2822345', '05932822345'],
    ['(0593) 2822345', '05932822345'],
    ['+86 593 2822345', '5932822345'],
    ['12345', '12345'],
  ])('%s → %s', (typed, stored) => {
    expect(canonicalPhone(typed)).toBe(stored);
  });

  it('the intake contract stores the canonical form and still refuses what is not a number', () => {
    expect(PhoneNumber.parse(' +86 158-2243-1810 ')).toBe('15822431810');
    expect(CreateTicketBody.parse({ content: '路灯坏了', contact: { phone: '158-2243-1810' } }).contact.phone).toBe('15822431810');
    for (const bad of ['abc', '12', '+', '1'.repeat(30), '158 2243 1810 ext 5']) expect(PhoneNumber.safeParse(bad).success, bad).toBe(false);
  });

  it('takes numbers that can be called back, not service numbers or fragments', () => {
    for (const ok of ['15822431810', '+86 158 2243 1810', '0593-2822345', '010-12345678', '+86 593 2822345', '2822345', '+1 415 555 2671', '0044 20 7946 0958']) {
      expect(isCallablePhone(ok), ok).toBe(true);
    }
    for (const bad of ['12345', '95598', '110', '123456', '0593', '+86 12345', '+86 123456']) expect(isCallablePhone(bad), bad).toBe(false);
  });
});
