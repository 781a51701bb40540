// The unit model reads where a matter is: the same kind of request goes to a different unit in
// each county, and only the ticket's division tells which.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, DB_KINDS, type TestDb } from '../../test/harness.ts';
import { retrainFromDb } from './train-from-db.ts';
import { activeModel } from './active-model.ts';
import { autoDispatchDecision, classifierPredictor } from './predictor.ts';
import { installClassifier } from './install.ts';
import { understand } from '../analyze.ts';
import { normalize } from '../normalize.ts';
import { HELD_OUT, TRAIN } from './fixtures.test-data.ts';
import { intakeHooks } from '../../tickets/intake-hooks.ts';
import { createTicket } from '../../tickets/create-ticket.ts';
import { installSignatureIndexHooks } from '../dedupe/signature-index.ts';

const COUNTIES = [
  { code: '9901', name: '甲县', path: '/99/9901/' },
  { code: '9902', name: '乙县', path: '/99/9902/' },
];

describe.each(DB_KINDS)('unit model with the division (%s)', (kind) => {
  let t: TestDb;
  const unitOf = new Map<string, string>();
  beforeAll(async () => {
    t = await createTestDb(kind);
    await t.db.insertInto('divisions').values([
      { code: '99', name: '测试市', level: 2, parent_code: null, path: '/99/' },
      ...COUNTIES.map((c) => ({ code: c.code, name: c.name, level: 3, parent_code: '99', path: c.path })),
    ]).execute();
    await t.db.insertInto('categories').values([{ code: 'C1', name: '城乡建设', level: 1, parent_code: null }, { code: 'C2', name: '教育文体', level: 1, parent_code: null }]).execute();
    // each county has its own bureau for each kind of request
    for (const c of COUNTIES) {
      for (const label of new Set(TRAIN.map((r) => r.label))) {
        const u = await t.db.insertInto('units').values({ code: `${c.code}-${label}`, name: `${c.name}${label}局`, kind: 'department', division_code: c.code }).returning('id').executeTakeFirstOrThrow();
        unitOf.set(`${c.code}-${label}`, u.id);
      }
    }
    let n = 0;
    // each kind of request in both counties, each text in one of them (the text says nothing of the county)
    const seen = new Map<string, number>();
    const countyOf = TRAIN.map((r) => {
      const k = seen.get(r.label) ?? 0;
      seen.set(r.label, k + 1);
      return COUNTIES[k % 2];
    });
    await t.db.insertInto('tickets').values(TRAIN.map((r, i) => ({ r, c: countyOf[i] })).map(({ r, c }) => ({
      number: `T${String(++n).padStart(5, '0')}`, channel: 'hotline', request_type: 'complaint', urgency: 'general',
      title: r.title, content: r.body, status: 'closed', received_at: new Date('2026-01-05T02:00:00Z'), closed_at: new Date('2026-01-09T02:00:00Z'),
      category_code: r.label === 'education' ? 'C2' : 'C1', division_code: c.code, lead_unit_id: unitOf.get(`${c.code}-${r.label}`)!,
    }))).execute();
    await retrainFromDb(t.deps, { kinds: ['category', 'unit'], minExamples: 20, train: { cvFolds: 4, minSupport: 5 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const confidenceOf = (units: { id: string; confidence: number }[] | undefined, id: string | undefined) => units?.find((u) => u.id === id)?.confidence ?? 0;

  it('learns which county’s units act from the tickets’ divisions', async () => {
    const unit = await activeModel(t.deps, 'unit', 0);
    expect(unit?.model.vocab.terms).toEqual(expect.arrayContaining(['x:d:9901', 'x:d:9902']));
    for (const r of HELD_OUT) {
      const text = normalize(`${r.title} ${r.body}`);
      const [a, b] = COUNTIES.map((c) => unitOf.get(`${c.code}-${r.label}`));
      const inA = await classifierPredictor(t.deps, text, normalize(r.title), COUNTIES[0].path);
      const inB = await classifierPredictor(t.deps, text, normalize(r.title), COUNTIES[1].path);
      // the same text weighs a county's own unit higher when the matter is in that county
      expect(confidenceOf(inA?.units, a), r.title).toBeGreaterThan(confidenceOf(inB?.units, a));
      expect(confidenceOf(inB?.units, b), r.title).toBeGreaterThan(confidenceOf(inA?.units, b));
      // only the county's own units can act there: the other county's are no answer at all
      const ofA = new Set(COUNTIES[0] && [...unitOf].filter(([k]) => k.startsWith('9901-')).map(([, id]) => id));
      expect(inA?.units?.length).toBeGreaterThan(0);
      expect(inA!.units!.every((u) => ofA.has(u.id))).toBe(true);
      expect(inB!.units!.some((u) => ofA.has(u.id))).toBe(false);
      expect(inA?.units?.[0].id, r.title).toBe(a);
      expect(inB?.units?.[0].id, r.title).toBe(b);
      // tags are no words of the text: never shown as a reason
      expect(inA?.terms.some((w) => w.includes(':'))).toBe(false);
      const d = await autoDispatchDecision(t.deps, [normalize(r.title), normalize(r.body)], COUNTIES[1].path);
      expect(d?.candidates.find((c) => c.unitId === b)?.confidence ?? 0).toBeCloseTo(confidenceOf(inB?.units, b), 2);
    }
  });

  it('analysis suggests the unit of the division given, or of the place the text names', async () => {
    installClassifier();
    const r = HELD_OUT[0];
    const text = normalize(`${r.title} ${r.body}`);
    const unit = (u: Awaited<ReturnType<typeof understand>>, code: string) => confidenceOf(u.predicted?.units, unitOf.get(`${code}-${r.label}`));
    const inB = await understand(t.deps, { text, title: r.title, divisionCode: '9902', given: { ...COUNTIES[1] } });
    const inA = await understand(t.deps, { text, title: r.title, divisionCode: '9901', given: { ...COUNTIES[0] } });
    expect(unit(inB, '9902')).toBeGreaterThan(unit(inA, '9902'));
    // named in the text, no division given: the place read is the one the unit model reads
    const named = await understand(t.deps, { text: normalize(`乙县${r.body}`), given: null });
    expect(named.divisionCode).toBe('9902');
    const unnamed = await understand(t.deps, { text: normalize(r.body), given: null });
    // intake: when the unit model is sure, it names a unit of the ticket's own county
    const hints = await intakeHooks.analyze(t.deps, { title: r.title, content: r.body, divisionCode: '9902' } as Parameters<typeof intakeHooks.analyze>[1], { category: true });
    expect(hints.autoUnit?.unitId).toBe(unitOf.get(`9902-${r.label}`));
    installSignatureIndexHooks(); // as the server does (nlp.routes.ts): a lookup after intake sees the new tickets
    // taken in: the first goes out on its own; the same matter again, while the first is open, waits for the dispatcher's merge
    const first = await createTicket(t.deps, null, { title: r.title, content: r.body, divisionCode: '9902', contact: { phone: '13900007001' } });
    expect(first.ticket.status).toBe('dispatched');
    expect(first.ticket.lead_unit_id).toBe(unitOf.get(`9902-${r.label}`));
    const again = await createTicket(t.deps, null, { title: r.title, content: `${r.body}请尽快处理。`, divisionCode: '9902', contact: { phone: '13900007002' } });
    expect(again.ticket.status).toBe('received');
    expect(again.autoDispatched).toBe(false);
    expect(unit(named, '9902')).toBeGreaterThan(unit(unnamed, '9902'));
  });
});
