// The rate formulas: the configuration (settings key 'rates') and its published text in zh/en.
import type { Deps } from '../server/deps.ts';
import type { RatesConfig } from '../contract/reports.ts';
import { RatesConfig as RatesConfigSchema } from '../contract/reports.ts';
import { getSetting, putSetting } from './reports.repo.ts';

export const RATES_SETTING = 'rates';

export const DEFAULT_RATES_CONFIG: RatesConfig = {
  basicCountsAsSatisfied: true,
  includeExcluded: false,
  resolutionScope: 'closed',
  ratingBasis: 'last',
};

export async function loadRatesConfig(deps: Deps): Promise<RatesConfig> {
  const stored = await getSetting<Partial<RatesConfig>>(deps.db, RATES_SETTING);
  const parsed = RatesConfigSchema.safeParse({ ...DEFAULT_RATES_CONFIG, ...(stored ?? {}) });
  return parsed.success ? parsed.data : DEFAULT_RATES_CONFIG;
}

export async function saveRatesConfig(deps: Deps, patch: Partial<RatesConfig>): Promise<RatesConfig> {
  const next = RatesConfigSchema.parse({ ...(await loadRatesConfig(deps)), ...patch });
  await putSetting(deps.db, RATES_SETTING, next);
  return next;
}

type Text = { zh: string; en: string };

export function formulaTexts(c: RatesConfig): Record<'response' | 'resolution' | 'satisfaction' | 'dispatchAccuracy' | 'autoShare' | 'autoPrecision' | 'period', Text> {
  const excl = c.includeExcluded
    ? { zh: '已标记“不计入考核”的工单仍计入。', en: 'Tickets marked as excluded from rates still count.' }
    : { zh: '不予受理、经审核不合理等已标记“不计入考核”的工单不计入。', en: 'Tickets marked as excluded from rates (out of scope, unreasonable after review) are left out.' };
  const merged = { zh: '并案的重复件随主件，不单独计。', en: 'Merged duplicates follow their master and are not counted on their own.' };
  const basis = c.ratingBasis === 'first'
    ? { zh: '每件工单取首次评价（重办不能抹去差评）', en: "each ticket's first rating counts (reopening cannot wash out a bad one)" }
    : { zh: '每件工单取最近一次评价', en: "each ticket's latest rating counts" };
  return {
    response: {
      zh: `响应率 = 在签收时限内签收的工单数 ÷ 已到签收时限或已签收的派单工单数。超过签收时限仍未签收的计为超时。${excl.zh}`,
      en: `Response rate = tickets signed for within the sign-for limit ÷ dispatched tickets already signed or past the sign-for deadline. Unsigned tickets past the deadline count as late. ${excl.en}`,
    },
    resolution: {
      zh: c.resolutionScope === 'closed'
        ? `解决率 = 群众表示已解决的工单数 ÷ 已回访和已办结的工单数（未回访即办结的计为未解决；从旧系统导入、无回访结果的历史工单不计入）。${excl.zh}`
        : `解决率 = 群众表示已解决的工单数 ÷ 已回访和已办结且有“是否解决”答复的工单数。${excl.zh}`,
      en: c.resolutionScope === 'closed'
        ? `Resolution rate = tickets the citizen says were resolved ÷ tickets called back or closed (closed without an answer counts as unresolved; history imported from a previous system without a call-back result is left out). ${excl.en}`
        : `Resolution rate = tickets the citizen says were resolved ÷ tickets called back or closed that have a resolved yes/no answer. ${excl.en}`,
    },
    satisfaction: {
      zh: `满意率 = ${c.basicCountsAsSatisfied ? '“满意”和“基本满意”' : '“满意”'}的工单数 ÷ 已评价的工单数；${basis.zh}。${excl.zh}`,
      en: `Satisfaction rate = tickets rated ${c.basicCountsAsSatisfied ? '"satisfied" or "basically satisfied"' : '"satisfied"'} ÷ rated tickets; ${basis.en}. ${excl.en}`,
    },
    dispatchAccuracy: {
      zh: '派单准确率 = 未发生退单、改派的派单工单数 ÷ 派单工单数；退单、改派次数另计，单位的退单次数记在退回工单的单位。',
      en: 'Dispatch accuracy = dispatched tickets never returned nor redispatched ÷ dispatched tickets; returns and redispatches are also counted, a return charged to the unit that sent the ticket back.',
    },
    autoShare: {
      zh: '自动派单占比 = 系统按分类模型自动派出的工单数 ÷ 派单工单数。',
      en: 'Auto-dispatch share = tickets dispatched automatically by the classifier ÷ dispatched tickets.',
    },
    autoPrecision: {
      zh: '自动派单准确率 = 自动派出后未被退单或改派的工单数 ÷ 自动派出且已有结果的工单数（已退单、已改派，或承办单位已答复）；刚派出的工单不计入。',
      en: 'Auto-dispatch precision = auto-dispatched tickets never returned nor redispatched ÷ auto-dispatched tickets whose outcome is known (returned, redispatched, or answered by the unit); tickets just dispatched are not counted yet.',
    },
    period: {
      zh: `按受理时间（北京时间）统计所选期间内受理的工单；单位按主办单位统计并逐级汇总到上级单位。${merged.zh}`,
      en: `Counts tickets received in the period (Beijing time); units by lead unit, rolled up to their parent units. ${merged.en}`,
    },
  };
}
