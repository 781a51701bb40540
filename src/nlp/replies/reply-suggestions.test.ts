import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, createTestDb, type TestDb } from '../../test/harness.ts';
import { seedTestFixture, type Fixture } from '../../test/fixture.ts';
import { insertTestTicket } from '../dedupe/test-tickets.ts';
import { MIN_OTHER_CATEGORY_SIMILARITY, MIN_REPLY_SIMILARITY, suggestReplies } from './reply-suggestions.ts';

describe.each(DB_KINDS)('reply suggestions on %s', (kind) => {
  let t: TestDb;
  let fx: Fixture;
  beforeAll(async () => {
    t = await createTestDb(kind);
    fx = await seedTestFixture(t.deps);
    await insertTestTicket(t.deps.db, {
      title: '电梯停运', content: '小区电梯经常停运，维修资金申请了半年还没批下来。另外小区绿化带被人种菜，地下车库积水，门禁坏了外来车辆随便进出，楼道堆满杂物。',
      status: 'closed', category_code: fx.categories.maintenanceFund,
      reply_text: '已督促物业启动维修资金应急使用程序，电梯已修复。', resolved: true, closed_at: new Date(), division_code: fx.divisions.village1,
    });
    for (const [title, content, category] of [['路灯不亮', '村口路灯坏了一个月没人修', fx.categories.cityLook], ['拖欠工资', '工地老板拖欠工资三个月', fx.categories.unpaidWages]] as const) {
      await insertTestTicket(t.deps.db, { title, content, status: 'closed', category_code: category, reply_text: `已处理：${title}`, resolved: true, closed_at: new Date() });
    }
  });
  afterAll(async () => t?.close());

  it('a reply from the same category or one beside it counts at the lower bar; from another branch it must be closer', async () => {
    const text = '楼里电梯总是坏，物业推来推去';
    const same = await suggestReplies(t.deps, { text, categoryCode: fx.categories.maintenanceFund });
    expect(same).toHaveLength(1);
    const s = same[0]!.similarity;
    // the text is chosen to sit between the two bars, so the bar applied decides
    expect(s).toBeGreaterThanOrEqual(MIN_REPLY_SIMILARITY);
    expect(s).toBeLessThan(MIN_OTHER_CATEGORY_SIMILARITY);
    // 物业服务 and 维修资金 are both under 物业管理
    expect(await suggestReplies(t.deps, { text, categoryCode: fx.categories.propertyService })).toHaveLength(1);
    expect(await suggestReplies(t.deps, { text, categoryCode: fx.categories.unpaidWages })).toHaveLength(0);
  });
});
