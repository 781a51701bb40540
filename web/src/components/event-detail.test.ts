import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/dicts.ts';
import { eventDetail } from './EventTimeline.tsx';

const zh = (k: string, v?: Record<string, string | number>) => translate('zh', k, v);
const ev = (action: string, data: Record<string, unknown>, note: string | null = null) => ({ action, data, note }) as Parameters<typeof eventDetail>[0];

describe('timeline event details', () => {
  it('names the unit, the confidence or keyword of an auto-dispatch, and the basis of a return', () => {
    expect(eventDetail(ev('auto_dispatch', { leadUnitName: '县住建局', confidence: 0.934 }), zh)).toBe('派至 县住建局，置信度 93%');
    expect(eventDetail(ev('auto_dispatch', { leadUnitName: '县城管局', confidence: 0.9, keyword: '窨井盖松动' }), zh)).toContain('按分类关键词「窨井盖松动」');
    expect(eventDetail(ev('auto_dispatch', { leadUnitName: '城南镇人民政府', confidence: 0.95, unitModel: true }), zh)).toBe('派至 城南镇人民政府，置信度 95%，无派单规则，按此地同类诉求以往的承办单位');
    expect(eventDetail(ev('return', { reason: '不属本单位职责', basis: '《城市管理职责清单》第12条' }), zh)).toBe('依据：《城市管理职责清单》第12条');
    expect(eventDetail(ev('return', { reason: 'x', basis: null }), zh)).toBeNull();
  });
});
