// The database behind the analyze benchmark, as a deployment has it after a while in service:
// the demo city (宁德市 divisions, units, category tree, routing rules), a closed history whose
// tickets carry their final category and lead unit (the unit routing chose), open tickets with
// indexed signatures, and the models `nlp.retrain` trains from that history (category, unit,
// request type). Texts are the wenzheng2020 messages when ../shared is present, synthetic otherwise.
import { existsSync, readFileSync } from 'node:fs';
import type { Deps } from '../src/server/deps.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { resolveRoute } from '../src/dispatch/route.ts';
import { requestTypeOf } from '../src/nlp/analyze-rules.ts';
import { normalize } from '../src/nlp/normalize.ts';
import { indexMissingSignatures } from '../src/nlp/dedupe/find-duplicates.ts';
import { retrainFromDb } from '../src/nlp/classifier/train-from-db.ts';
import { classify, loadModel } from '../src/nlp/classifier/model.ts';
import { trainClassifier } from '../src/nlp/classifier/train.ts';

export const BENCH_PASSWORD = 'Bench-pass-1';
const DATA = '../shared/data/wenzheng2020';

interface Msg { title: string; body: string; label?: string; reply?: string }

// wenzheng2020's 7 level-1 classes → the demo tree's level-1 codes.
const CODE_OF: Record<string, string> = {
  城乡建设: '01', 交通运输: '03', 劳动和社会保障: '04', 环境保护: '05', 商贸旅游: '07', 教育文体: '08', 卫生计生: '09',
};

function load(file: string): Msg[] | null {
  const p = `${DATA}/${file}`;
  return existsSync(p) ? readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : null;
}

function synthetic(n: number, labelled: boolean): Msg[] {
  const topics: [string, string][] = [
    ['路灯不亮', '01'], ['公交班次太少', '03'], ['拖欠工资', '04'], ['河道垃圾发臭', '05'], ['商家缺斤短两', '07'], ['学校乱收费', '08'], ['医院排队太久', '09'],
    ['物业乱收费', '01'], ['出租车拒载', '03'], ['社保转移难', '04'], ['工厂废气扰民', '05'], ['超市售卖过期食品', '07'], ['校车超载', '08'], ['诊所无证行医', '09'],
  ];
  const labels = Object.keys(CODE_OF);
  return Array.from({ length: n }, (_, i) => {
    const [t, code] = topics[i % topics.length];
    return {
      title: `${t}${i}`,
      body: `柘荣县双城镇第${i % 97}号反映：${t}，已经持续很久，希望有关部门尽快处理。编号${i * 7919}`,
      label: labelled ? labels.find((l) => CODE_OF[l] === code) : undefined,
      reply: '经核查，已安排人员处理。',
    };
  });
}

export interface AnalyzeSetup { closed: number; open: number; models: string[]; seconds: number; source: string }

export async function setupAnalyzeBench(deps: Deps, o: { open: number; closed: number }): Promise<AnalyzeSetup> {
  const started = performance.now();
  await seedDemo(deps, { password: BENCH_PASSWORD, quiet: true });
  const villages = (await deps.db.selectFrom('divisions').select('code').where('level', '=', 5).orderBy('code').execute()).map((d) => d.code);
  const labelledMsgs = load('labelled.jsonl');
  const source = labelledMsgs ? 'wenzheng2020' : 'synthetic';
  const labelled = labelledMsgs ?? synthetic(700, true);
  // Unlabelled closed history gets the category a model trained on the labelled part gives it.
  const replies = (load('messages-with-replies.jsonl') ?? synthetic(2000, false)).slice(0, Math.max(0, o.closed - labelled.length));
  const m = loadModel(trainClassifier(labelled.map((r) => ({ text: [r.title, r.body], label: String(r.label) })), { cvFolds: 0 }));
  for (const r of replies) r.label = classify(m, normalize(`${r.title} ${r.body}`), 1, 0).label;
  const history = [...labelled, ...replies];
  const open = (load('messages-with-votes.jsonl') ?? synthetic(o.open, false)).slice(0, o.open);

  let seq = 0;
  const rows = [];
  for (const msg of history) {
    const division = villages[(seq * 7919) % villages.length];
    const category = CODE_OF[String(msg.label)] ?? '19';
    const route = await resolveRoute(deps, { categoryCode: category, divisionCode: division });
    const text = `${msg.title} ${msg.body}`;
    rows.push({
      number: `H${++seq}`, channel: 'import', request_type: requestTypeOf(text), urgency: 'general', status: 'closed', title: msg.title.slice(0, 200),
      content: msg.body || msg.title, division_code: division, category_code: category, lead_unit_id: route.leadUnitId,
      received_at: new Date(Date.now() - (40 + (seq % 300)) * 86400_000), reply_text: msg.reply ?? '已处理', closed_at: new Date(Date.now() - (seq % 40) * 86400_000), resolved: true,
    });
  }
  for (const msg of open) {
    const division = villages[(seq * 7919) % villages.length];
    rows.push({
      number: `O${++seq}`, channel: 'import', request_type: 'complaint', urgency: 'general', status: 'dispatched', title: msg.title.slice(0, 200),
      content: msg.body || msg.title, division_code: division, category_code: null, lead_unit_id: null,
      received_at: new Date(Date.now() - (seq % 25) * 86400_000), reply_text: null, closed_at: null, resolved: null,
    });
  }
  for (let i = 0; i < rows.length; i += 200) await deps.db.insertInto('tickets').values(rows.slice(i, i + 200)).execute();
  await indexMissingSignatures(deps);
  const results = await retrainFromDb(deps, { kinds: ['category', 'unit', 'request_type'] });
  return {
    closed: history.length, open: open.length, source, seconds: (performance.now() - started) / 1000,
    models: results.map((r) => `${r.kind} ${r.skipped ? 'skipped' : `${r.classes} classes`}`),
  };
}
