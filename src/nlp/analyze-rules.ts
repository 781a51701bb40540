// Rule-based cues read from a normalised request text: urgency (with the "transfer to
// 110/119/120?" prompt), request type, and the keyword fallback for categories used until a model is trained.
import { withoutContactDetails } from './contact-details.ts';
import type { EmergencyService, RequestType, Urgency } from '../contract/enums.ts';

/** Which emergency service a cue belongs to: 110 police, 119 fire and rescue, 120 ambulance. */
export type TransferTarget = EmergencyService;

interface Cue {
  level: Urgency;
  transferTo: TransferTarget | null;
  words: string[];
}
// Most serious first: the first cue found decides. Gas leaks are utilities (水电气热, as the
// 12345 rules class them) with the fire service's prompt, below any danger to people.
const CUES: Cue[] = [
  { level: 'emergency', transferTo: '110', words: ['持刀', '砍人', '拿刀', '打架', '斗殴', '抢劫', '绑架', '轻生', '自杀', '跳楼', '家暴', '家庭暴力', '一直打我', '动手打我', '打了我', '殴打', '威胁要杀', '要杀了', '跳河', '跳江', '跳海', '跳桥', '跳下去', '寻短见', '想不开', '被人打', '被打伤', '打伤', '行凶', '走失', '走丢', '失踪', '冒充公检法', '被诈骗', '遭遇诈骗', '骗走', '正在被打', '在被打', '被打了', '打我', '被打得', '围着打', '围殴', '群殴', '在打人', '打人了', '有人打人', '把人打'] },
  { level: 'emergency', transferTo: '119', words: ['火灾', '着火', '起火', '失火', '爆炸', '被困', '困人', '困在电梯', '关在电梯', '关着人', '关着好几个人', '卡在电梯', '电梯里有人', '塌方', '倒塌', '山体滑坡', '滑坡', '泥石流'] },
  { level: 'emergency', transferTo: '120', words: ['生命危险', '有人受伤', '受伤了', '坠落', '坠楼', '溺水', '落水', '掉进河', '掉河里', '掉进水', '掉水里', '掉进海', '掉进池塘', '触电', '昏迷', '晕倒', '昏倒', '中毒', '流血', '大出血', '没有呼吸', '没呼吸', '心脏骤停', '抽搐', '不省人事', '摔下来了', '摔下去了', '摔倒了', '被车撞了', '流了很多血', '满脸是血', '头破血流', '血流不止'] },
  { level: 'emergency', transferTo: null, words: ['电线掉落', '电线断了', '井盖缺失', '没有井盖'] },
  { level: 'utility', transferTo: '119', words: ['燃气泄漏', '煤气泄漏', '天然气泄漏', '液化气泄漏', '煤气味', '燃气味', '天然气味', '漏气'] },
  { level: 'utility', transferTo: null, words: ['停水', '停电', '停气', '断水', '断电', '没水', '没有水', '没电', '没有电', '暖气', '供暖', '水管爆', '水管破裂', '爆管', '爆水管', '水压低', '自来水'] },
];
// "没有生命危险", "没有闻到煤气味", "并未发现人员受伤": a negation right before the cue, or before a
// verb of noticing right before it ("没通知就停水" is an outage all the same)
const NEGATION = /(?:没有|没|并无|无|不是|未|不|并未)(?:闻到|闻见|看到|看见|发现|出现|听到|听说|有)?(?:人员)?$/;
// "上次着火的事", "去年发生过火灾", "去年我家着火了", "上周邻居打架": a time gone by earlier in
// the same clause is an event that is not happening now ("刚才", "现在" are not in it)
const PAST = /(?:上次|上回|之前|以前|去年|前年|曾经|曾|上周|上星期|上个月|上月|前几天|前些天|前段时间|几年前|那次)[^，。！？；,.!?;\s]{0,6}$/;
// "打架的事情派出所处理不公", "着火一事": the event is the subject of the request, not under way
const REFERENCE = /^(?:的|那)?(?:事情?|一事|案件?)/;
// "存在火灾隐患", "有倒塌的风险": a hazard to fix, not a danger under way (no 110/119/120 call)
const HAZARD = /^(?:的)?(?:隐患|风险|危险|可能)/;
// "路面结冰容易摔倒", "小孩可能摔下去", "怕被车撞", "这个路口经常发生车祸": what could happen or
// keeps happening, said just before the cue (a matter to fix, not a call under way)
const HAZARD_BEFORE = /(?:容易|可能|就会|担心|害怕|以防|防止|避免|随时|经常|常常|多次|频繁|屡次|总是)[^，。！？；,.!?;\s]{0,2}$/;
// "打我电话", "打我手机": a call, not a blow (per cue: what must not follow it)
const NOT_AFTER: Record<string, RegExp> = { 打我: /^(?:的)?(?:电话|手机|号码|座机)|^一?下?(?:电话|手机)/ };
// "自打我出生起": since, not a blow (per cue: what must not come right before it)
const NOT_BEFORE: Record<string, RegExp> = { 打我: /自$/ };
// "老人摔倒了，没有生命危险": the caller says the injury is not a danger to life (no 120 call)
const NOT_IN_DANGER = /(?:没有|没|并无|无|未)(?:生命危险|人员?受伤|大碍|什么大碍)/;
export interface UrgencyCue {
  level: Urgency;
  cue: string | null;
  /** the service to transfer to, when the cue is theirs (the agent is asked, never forced) */
  transferTo: TransferTarget | null;
  /** transferTo === '110' (kept for clients that only know the 110 prompt) */
  suggest110: boolean;
}

/**
 * The most serious cue in the text; "没有生命危险" does not count, and neither does anything in a
 * praise ("上次燃气泄漏处理得很及时，我要表扬" reports no leak).
 */
export function urgencyCue(text: string, stated: RequestType | null = explicitRequestType(text)): UrgencyCue {
  if (stated === 'praise') return { level: 'general', cue: null, transferTo: null, suggest110: false };
  const safe = NOT_IN_DANGER.test(text);
  for (const c of CUES) {
    if (safe && c.transferTo === '120') continue;
    for (const w of c.words) {
      let at = text.indexOf(w);
      while (at >= 0) {
        const before = text.slice(Math.max(0, at - 6), at);
        const after = text.slice(at + w.length, at + w.length + 4);
        const over = PAST.test(text.slice(Math.max(0, at - 12), at)) || REFERENCE.test(after);
        const hazard = c.transferTo !== null && (HAZARD.test(after) || HAZARD_BEFORE.test(before) || !!NOT_AFTER[w]?.test(after) || !!NOT_BEFORE[w]?.test(before));
        if (!NEGATION.test(before) && !over && !hazard) return { level: c.level, cue: w, transferTo: c.transferTo, suggest110: c.transferTo === '110' };
        at = text.indexOf(w, at + w.length);
      }
    }
  }
  return { level: 'general', cue: null, transferTo: null, suggest110: false };
}

const TYPE_RULES: [RequestType, RegExp][] = [
  ['report', /举报|揭发|检举/],
  ['praise', /表扬|感谢|点赞|锦旗|致谢/],
  ['complaint', /投诉|扰民|不作为|乱收费|违规|违法|违建|拖欠|污染|噪音|刁难/],
  ['suggestion', /建议|提议|希望能|希望政府|呼吁/],
  ['consult', /咨询|请问|问一下|怎么办理|如何办理|是否可以|能否|什么时候|多少钱|哪里/],
];

/**
 * The type a caller states in so many words (我要投诉, 我想咨询, 请问, 举报, 表扬, 我建议): it
 * outranks a model's guess from the subject matter — "我想问一下社保怎么转移" is a consultation
 * whatever most social-insurance tickets were. Only a statement near the start counts (where a caller
 * says what they want; "多次向物业咨询都没回复" deep in a complaint is not one), and the earliest decides
 * ("请问投诉了为什么没人管" asks). Null when the text states none; "感谢" alone is courtesy, not praise.
 */
const STATED_WITHIN = 16;
const STATED: [RequestType, RegExp, number?][] = [
  // praise and reports are often stated last ("…特此表扬", "…我要举报"): anywhere counts
  ['report', /举报(?!电话)|检举|揭发/, Infinity],
  ['praise', /表扬|点赞|送锦旗|感谢信|特此感谢|提出感谢|表示感谢|致谢/, Infinity],
  ['complaint', /(?:我要|我想|我来|来电|要求|实名)投诉|投诉(?:一下|[^\p{Script=Han}]|$)/u],
  ['consult', /请问|咨询|想问|问一下|问问|想了解|想知道|怎么(?:办理|申请|提取|补办|缴纳|交费|转移|报名|查询|开具|领取)|如何(?:办理|申请|提取|补办|缴纳|查询)|需要(?:什么|哪些)材料|(?:在|去)哪(?:里|儿)?(?:办|申请|缴)/],
  ['suggestion', /^建议|我(?:想|要)?建议|提(?:个|一个|点|一点)?建议|(?:[，。！？,.!?；;]|^)建议(?:政府|有关部门|相关部门|在|增设|增加|开通)/],
];

export function explicitRequestType(text: string): RequestType | null {
  let best: RequestType | null = null;
  let at = Infinity;
  for (const [t, re, within = STATED_WITHIN] of STATED) {
    const m = re.exec(text);
    if (m && m.index < at && m.index < within) [best, at] = [t, m.index];
  }
  return best;
}

export function requestTypeOf(text: string, stated: RequestType | null = explicitRequestType(text)): RequestType {
  if (stated) return stated;
  for (const [t, re] of TYPE_RULES) if (re.test(text)) return t;
  return 'help';
}

export interface CategoryRow {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  keywords: string;
  /** when the keywords were last set (absent: long ago) */
  keywords_at?: Date | string | null;
}

/**
 * Keyword fallback: each category scores the length of its name and keywords found in the text,
 * plus its ancestors' scores; confidence is the share of the best, capped (rules are not calibrated).
 */
// Per category list (the cached rows of analyze.ts): codes and keyword lists, split once.
const prepared = new WeakMap<CategoryRow[], { byCode: Map<string, CategoryRow>; words: string[][] }>();
function prepare(cats: CategoryRow[]) {
  let p = prepared.get(cats);
  if (!p) {
    p = {
      byCode: new Map(cats.map((c) => [c.code, c])),
      words: cats.map((c) => [c.name, ...c.keywords.split(/[\s,，、;；]+/)].filter((w) => w.length >= 2)),
    };
    prepared.set(cats, p);
  }
  return p;
}

export function keywordCategories(raw: string, cats: CategoryRow[], k = 3): { code: string; name: string; confidence: number; terms: string[] }[] {
  const text = withoutContactDetails(raw); // the writer's own ID or phone says nothing of the matter
  const { byCode, words: wordLists } = prepare(cats);
  const own = new Map<string, { score: number; terms: string[] }>();
  for (const [ci, c] of cats.entries()) {
    const words = wordLists[ci];
    const terms = [...new Set(words.filter((w) => text.includes(w)))];
    if (terms.length) own.set(c.code, { score: terms.reduce((s, w) => s + w.length, 0), terms });
  }
  const total = new Map<string, { score: number; terms: string[] }>();
  for (const c of cats) {
    let score = 0;
    const terms: string[] = [];
    for (let x: CategoryRow | undefined = c, i = 0; x && i < 10; x = x.parent_code ? byCode.get(x.parent_code) : undefined, i++) {
      const o = own.get(x.code);
      if (o) {
        score += o.score;
        terms.push(...o.terms);
      }
    }
    if (own.has(c.code)) total.set(c.code, { score: score + c.level * 0.01, terms });
  }
  const ranked = [...total.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, k);
  const sum = ranked.reduce((s, [, v]) => s + v.score, 0);
  return ranked.map(([code, v]) => ({
    code, name: byCode.get(code)!.name, confidence: Math.round(Math.min(0.6, v.score / (sum || 1)) * 1000) / 1000, terms: [...new Set(v.terms)],
  }));
}
