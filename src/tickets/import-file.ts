// Reads a history file (JSONL or CSV with a header row) into ImportRows, resolving category and
// division by code or by name, and a unit by code or name. Rows that cannot be read are reported.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Deps } from '../server/deps.ts';
import { normalize } from '../nlp/normalize.ts';
import { REQUEST_TYPES } from '../contract/enums.ts';
import { importBatch, parseChinaTime, type ImportRow } from './import-tickets.ts';

/** Column names accepted for each field (first match wins). */
export const FIELD_ALIASES: Record<keyof Omit<ImportRow, 'receivedAt' | 'repliedAt'> | 'receivedAt' | 'repliedAt', string[]> = {
  sourceId: ['id', 'source_id', 'sourceId', '编号', '工单编号'],
  title: ['title', '标题', '留言主题'],
  content: ['content', 'body', 'text', '内容', '留言详情', '诉求内容'],
  receivedAt: ['received_at', 'receivedAt', 'time', '时间', '留言时间', '受理时间'],
  reply: ['reply', '答复', '答复意见'],
  repliedAt: ['reply_time', 'replied_at', 'repliedAt', '答复时间'],
  phone: ['phone', '电话', '联系电话'],
  categoryCode: ['category', 'categoryCode', 'label', '分类', '一级分类'],
  divisionCode: ['division', 'divisionCode', '区划'],
  unitId: ['unit', '承办单位'],
  type: ['type', '类型'],
  channel: ['channel', '渠道'],
};

export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

async function* records(file: string): AsyncGenerator<{ rec: Record<string, unknown> | null; bytes: number; line: number }> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const csv = /\.csv$/i.test(file);
  let header: string[] | null = null;
  let n = 0;
  let pending = '';
  for await (const raw of rl) {
    n++;
    const bytes = Buffer.byteLength(raw) + 1;
    if (!raw.trim() && !pending) continue;
    if (!csv) {
      try {
        yield { rec: JSON.parse(raw), bytes, line: n };
      } catch {
        yield { rec: null, bytes, line: n };
      }
      continue;
    }
    // CSV fields may hold newlines inside quotes: join lines until quotes balance.
    pending = pending ? `${pending}\n${raw}` : raw;
    if ((pending.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    const cells = parseCsvLine(pending.replace(/^\uFEFF/, ''));
    pending = '';
    if (!header) { header = cells.map((h) => h.trim()); continue; }
    yield { rec: Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])), bytes, line: n };
  }
}

function pick(rec: Record<string, unknown>, names: string[]): string | undefined {
  for (const n of names) {
    const v = rec[n];
    if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
  }
  return undefined;
}

export async function importFile(
  deps: Deps,
  file: string,
  opts: { batchSize?: number; onProgress?: (doneBytes: number, totalBytes: number, counts: { inserted: number; skipped: number; invalid: number }) => void } = {},
) {
  const total = (await stat(file)).size;
  const cats = await deps.db.selectFrom('categories').select(['code', 'name']).execute();
  const catByName = new Map(cats.map((c) => [c.name, c.code]));
  const catCodes = new Set(cats.map((c) => c.code));
  const divs = new Set((await deps.db.selectFrom('divisions').select('code').execute()).map((d) => d.code));
  const units = await deps.db.selectFrom('units').select(['id', 'code', 'name']).execute();
  const unitBy = new Map<string, string>(units.flatMap((u) => [[u.code, u.id], [u.name, u.id]] as [string, string][]));
  const counts = { inserted: 0, skipped: 0, invalid: 0 };
  const invalidLines: number[] = [];
  let batch: ImportRow[] = [];
  let done = 0;
  const flush = async () => {
    const r = await importBatch(deps, batch);
    counts.inserted += r.inserted;
    counts.skipped += r.skipped;
    batch = [];
    opts.onProgress?.(done, total, counts);
  };
  for await (const { rec, bytes, line } of records(file)) {
    done += bytes;
    const content = rec && pick(rec, FIELD_ALIASES.content);
    const receivedAt = rec && parseChinaTime(pick(rec, FIELD_ALIASES.receivedAt));
    if (!rec || !content || !receivedAt) {
      counts.invalid++;
      if (invalidLines.length < 20) invalidLines.push(line);
      continue;
    }
    const cat = pick(rec, FIELD_ALIASES.categoryCode);
    const div = pick(rec, FIELD_ALIASES.divisionCode);
    const unit = pick(rec, FIELD_ALIASES.unitId);
    const title = pick(rec, FIELD_ALIASES.title);
    const reply = pick(rec, FIELD_ALIASES.reply);
    batch.push({
      sourceId: pick(rec, FIELD_ALIASES.sourceId) ?? `${file}:${line}`,
      title: title ? normalize(title).slice(0, 100) : undefined,
      content: content.slice(0, 20000),
      receivedAt,
      reply: reply?.slice(0, 20000),
      repliedAt: parseChinaTime(pick(rec, FIELD_ALIASES.repliedAt)) ?? undefined,
      phone: pick(rec, FIELD_ALIASES.phone),
      categoryCode: cat ? (catCodes.has(cat) ? cat : catByName.get(cat)) : undefined,
      divisionCode: div && divs.has(div) ? div : undefined,
      unitId: unit ? unitBy.get(unit) : undefined,
      type: REQUEST_TYPES.find((t) => t === pick(rec, FIELD_ALIASES.type)),
      channel: 'import',
    });
    if (batch.length >= (opts.batchSize ?? 500)) await flush();
  }
  await flush();
  return { ...counts, invalidLines };
}
