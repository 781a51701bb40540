import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/dicts.ts';
import { alertKindLabel, alertText } from './alertText.ts';

const body = '超期：工单 LX20261013000003 已超过答复时限 2026-11-03 22:52。';
const en = (k: string, v?: Record<string, string | number>) => translate('en', k, v);
const zh = (k: string, v?: Record<string, string | number>) => translate('zh', k, v);

describe('SLA alert texts', () => {
  it('keeps the server text in Chinese and rebuilds it in English from kind, number and deadline', () => {
    expect(alertText({ kind: 'overdue_reply', body, number: 'LX20261013000003' }, 'zh', zh)).toBe(body);
    expect(alertText({ kind: 'overdue_reply', body, number: 'LX20261013000003' }, 'en', en)).toBe('Ticket LX20261013000003 passed its reply deadline 2026-11-03 22:52.');
    expect(alertText({ kind: 'callback_task', body: '回访任务', number: 'LX1', deadline: '2026-12-01 09:00' }, 'en', en)).toContain('call the citizen back by 2026-12-01 09:00');
  });

  it('falls back to the server text for a kind it does not know or a body without a deadline', () => {
    expect(alertText({ kind: 'something_new', body, number: 'LX1' }, 'en', en)).toBe(body);
    expect(alertText({ kind: 'overdue_reply', body: '超期', number: 'LX1' }, 'en', en)).toBe('超期');
    expect(alertKindLabel('overdue_sign', en)).toBe('Sign-for overdue');
    expect(alertKindLabel('something_new', en)).toBe('something_new');
  });
});
