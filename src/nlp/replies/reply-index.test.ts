import { describe, expect, it } from 'vitest';
import { TfIdfIndex } from './reply-index.ts';

describe('reply TF-IDF index', () => {
  const idx = new TfIdfIndex([
    { id: 'noise', text: '工地夜间施工噪音扰民，影响休息', categoryCode: 'noise' },
    { id: 'water', text: '小区停水三天，自来水公司不处理', categoryCode: 'water' },
    { id: 'bus', text: '公交车班次太少，等车要一个小时', categoryCode: 'bus' },
    { id: 'noise2', text: '广场舞音响噪音太大', categoryCode: 'noise' },
  ]);
  it('finds the most similar past ticket, traditional characters included', () => {
    expect(idx.query('晚上工地施工噪音很大', 2)[0].doc.id).toBe('noise');
    expect(idx.query('停水三天了，自來水公司在哪', 1)[0].doc.id).toBe('water');
  });
  it('boosts the same category and excludes the ticket itself', () => {
    const r = idx.query('噪音', 4, { categoryCode: 'noise', exclude: 'noise' });
    expect(r.map((x) => x.doc.id)).toEqual(['noise2']);
    expect(idx.query('完全无关的内容', 3)).toEqual([]);
  });
});
