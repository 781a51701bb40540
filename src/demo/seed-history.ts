// The demo's imported history: a county that starts on Lianxin brings its previous 12345 system's
// closed tickets (`lianxin import tickets`), and the classifier learns from them. These are
// generated from the same request templates as the live tickets, dated 3–15 months back (before
// the live tickets' 90 days, so the dashboards' periods show only work done in Lianxin), each with
// the unit routing names for its category and place and that unit's reply, imported through the
// real history import.
import type { Deps } from '../server/deps.ts';
import type { DemoOrg } from './seed-org.ts';
import { resolveRoute } from '../dispatch/route.ts';
import { importBatch, type ImportRow } from '../tickets/import-tickets.ts';
import type { TicketTemplate } from './tickets.data.ts';
import { demoFiller } from './fill.ts';
import { mulberry32 } from '../shared/random.ts';

const DAY = 86_400_000;

export async function seedDemoHistory(
  deps: Deps,
  org: DemoOrg,
  templates: readonly TicketTemplate[],
  opts: { count?: number; seed?: number; now?: Date } = {},
): Promise<{ imported: number }> {
  const rng = mulberry32(opts.seed ?? 20200101);
  const { pick, between, pickPlace, fill, contact } = demoFiller(org, rng);
  const now = (opts.now ?? deps.now()).getTime();
  const units = new Map<string, string | null>();
  const unitFor = async (cat: string, division: string) => {
    const key = `${cat}|${division}`;
    if (!units.has(key)) units.set(key, (await resolveRoute(deps, { categoryCode: cat, divisionCode: division }).catch(() => null))?.leadUnitId ?? null);
    return units.get(key) ?? undefined;
  };
  const count = opts.count ?? 1200;
  let imported = 0;
  let batch: ImportRow[] = [];
  for (let i = 0; i < count; i++) {
    const tpl = pick(templates);
    const place = pickPlace(tpl.where);
    const content = fill(pick(tpl.texts), place);
    const day = now - between(95, 455) * DAY;
    // office hours in Asia/Shanghai (08:00–21:00 = 00:00–13:00 UTC)
    const receivedAt = new Date(Math.floor(day / DAY) * DAY + between(0, 13) * 3600_000);
    const days = tpl.type === 'consult' ? between(0.1, 2) : tpl.urgency ? between(0.05, 1) : between(1, 12);
    batch.push({
      sourceId: `demo-history-${i + 1}`,
      content,
      receivedAt,
      reply: fill(tpl.reply, place, content),
      repliedAt: new Date(receivedAt.getTime() + days * DAY),
      phone: contact().phone,
      categoryCode: tpl.cat,
      divisionCode: place.code,
      unitId: await unitFor(tpl.cat, place.code),
      type: tpl.type,
      channel: rng() < 0.8 ? 'hotline' : pick(['web', 'h5', 'mailbox']),
    });
    if (batch.length === 200 || i === count - 1) {
      imported += (await importBatch(deps, batch)).inserted;
      batch = [];
    }
  }
  return { imported };
}
