// A few hundred demo tickets over the last 90 days, walked through the real domain functions
// (createTicket, applyTransition) on a simulated clock, so every event has a realistic time
// and every state of the lifecycle is represented: old tickets are mostly closed, recent ones
// still with the units, some returned, extended, merged, supervised, reopened or overdue.
import type { Deps } from '../server/deps.ts';
import type { Actor } from '../auth/actor.ts';
import type { Ticket } from '../db/schema.ts';
import type { TransitionBody } from '../contract/tickets.ts';
import { createTicket } from '../tickets/create-ticket.ts';
import { applyTransition } from '../tickets/transition.ts';
import { resolveRoute } from '../dispatch/route.ts';
import { unitCodeFor } from '../orgs/generate-units.ts';
import { actorsByUsername, someTicketWithStatus, ticketsByStatus, ticketsWithStatus } from './demo.repo.ts';
import { GRID_VILLAGE, type DemoOrg, type DemoPlace } from './seed-org.ts';
import { CENTERS, CITY_PROPER, KB_ARTICLES } from './org.data.ts';
import { OUT_OF_SCOPE, PROGRESS_NOTES, RETURN_REASONS, TEMPLATES, VAGUE_TEMPLATES, type TicketTemplate } from './tickets.data.ts';
import { ALL_TEMPLATES } from './tickets-more.data.ts';
import { demoFiller } from './fill.ts';
import { mulberry32 } from '../shared/random.ts';

const HOUR = 3600_000;

export interface DemoTicketStats {
  created: number;
  /** dispatched by the classifier with no human, and of those, corrected after the unit returned them */
  autoDispatched: number;
  autoCorrected: number;
  byStatus: Record<string, number>;
  failures: number;
}

export async function seedDemoTickets(deps: Deps, org: DemoOrg, opts: { count?: number; seed?: number; now?: Date } = {}): Promise<DemoTicketStats> {
  const rng = mulberry32(opts.seed ?? 20261123);
  const real = opts.now ?? deps.now();
  const { pick, between, pickPlace, fill, contact } = demoFiller(org, rng);
  const actors = await actorsByUsername(deps.db);
  const A = (u: string) => actors.get(u)!;
  const agent = A('agent'), dispatcher = A('dispatcher'), supervisor = A('supervisor'), grid = A('grid'), citizen = A('citizen');
  let clock = real;
  const sim: Deps = { ...deps, now: () => clock };
  const stats: DemoTicketStats = { created: 0, autoDispatched: 0, autoCorrected: 0, byStatus: {}, failures: 0 };

  // One transition at a simulated time; false when that time is still in the future or the
  // transition is refused (the ticket then stays where it is).
  let at = real;
  const act = async (actor: Actor | undefined, t: Ticket, hours: number, body: TransitionBody): Promise<Ticket | null> => {
    const next = new Date(at.getTime() + hours * HOUR);
    if (!actor || next > real) return null;
    at = next;
    clock = next;
    try {
      return await applyTransition(sim, actor, t.id, body);
    } catch (e) {
      stats.failures++;
      deps.log.debug({ err: e, action: body.action }, 'demo transition refused');
      return null;
    }
  };
  const handlerFor = (t: Ticket) => (t.lead_unit_id ? actors.get(org.handlerOf.get(t.lead_unit_id) ?? '') : undefined);

  /** sign → progress → (extension) → reply → callback → close, with reopen on unhappy callbacks. */
  const work = async (t0: Ticket, tpl: TicketTemplate, o: { stallAt?: string; extension?: boolean; duplicate?: () => Promise<void> }) => {
    let t: Ticket | null = t0;
    for (let round = 0; round < 3 && t; round++) {
      if (o.stallAt === 'dispatched') return;
      t = await act(handlerFor(t), t, between(0.3, 18), { action: 'sign' });
      if (!t || o.stallAt === 'signed') return;
      if (round === 0 && o.duplicate) await o.duplicate();
      if (rng() < 0.4 || o.stallAt === 'handling') t = (await act(handlerFor(t), t, between(1, 30), { action: 'progress', note: pick(PROGRESS_NOTES) })) ?? t;
      if (o.stallAt === 'handling') return;
      const left = t.reply_deadline ? (new Date(t.reply_deadline).getTime() - at.getTime()) / HOUR : 0;
      if (o.extension && round === 0 && left > 2) {
        const hrs = Math.min(between(10, 40), left - 1);
        const req = await act(handlerFor(t), t, hrs, { action: 'extension_request', days: pick([3, 5, 10]), reason: '需协调多个部门现场会商，申请延期办理。' });
        if (!req) return;
        const decision: TransitionBody = rng() < 0.8 ? { action: 'extension_approve', note: '同意延期' } : { action: 'extension_deny', note: '时限内可以办结，不予延期' };
        t = (await act(dispatcher, req, between(1, 6), decision)) ?? req;
      }
      const quick = tpl.type === 'consult' ? [2, 40] : tpl.urgency === 'emergency' || tpl.urgency === 'utility' ? [1, 10] : [24, 160];
      // the reply answers this ticket: its place, and the estate or road its text names
      const reply = fill(tpl.reply, (t.division_code ? org.places.get(t.division_code) : undefined) ?? pickPlace(tpl.where), t.content);
      t = await act(handlerFor(t), t, between(quick[0]!, quick[1]!), { action: 'reply', text: reply });
      if (!t || o.stallAt === 'replied') return;
      const r = rng();
      const happy = round > 0 || r < 0.85;
      const satisfaction = happy ? (r < 0.62 || round > 0 ? 'satisfied' : 'basic') : 'unsatisfied';
      t = await act(agent, t, between(3, 40), { action: 'callback', resolved: happy || rng() < 0.3, satisfaction, note: happy ? '群众表示认可' : '群众表示问题仍未解决' });
      if (!t) return;
      if (t.status === 'callback') {
        if (rng() < 0.9) await act(agent, t, between(0.1, 2), { action: 'close', note: '回访完毕，办结' });
        return;
      }
      // Unhappy callback → reopened to the same unit; go round again.
    }
  };

  const count = opts.count ?? 260;
  for (let i = 0; i < count; i++) {
    const ageDays = Math.pow(rng(), 0.85) * 90;
    const day = new Date(real.getTime() - ageDays * 24 * HOUR);
    // Office hours in Asia/Shanghai (UTC+8): 08:00–21:00.
    const received = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 0, 0, 0) + between(0, 13) * HOUR);
    if (received > real) received.setTime(received.getTime() - 24 * HOUR);
    at = received;
    clock = received;
    const s = rng();
    try {
      if (s < 0.03) {
        const oos = pick(OUT_OF_SCOPE);
        const place = pickPlace('town');
        const { ticket } = await createTicket(sim, agent, { content: oos.text, divisionCode: place.code, contact: contact(), channel: 'hotline', type: 'help', hold: true });
        stats.created++;
        await act(agent, ticket, between(0.05, 0.3), { action: 'out_of_scope', ruleCode: oos.rule, note: '已告知诉求人通过相应法定途径解决' });
        continue;
      }
      const tpl = pick(ALL_TEMPLATES);
      const place = pickPlace(tpl.where);
      const content = fill(pick(tpl.texts), place);
      const [lat, lng] = CENTERS[place.county] ?? CENTERS['3509']!;
      const spread = place.name.endsWith('社区') ? 0.02 : 0.09;
      const base = {
        content, type: tpl.type, urgency: tpl.urgency ?? 'general', divisionCode: place.code, contact: contact(),
        lat: Number((lat + (rng() - 0.5) * spread).toFixed(5)), lng: Number((lng + (rng() - 0.5) * spread).toFixed(5)),
      } as const;
      if (s < 0.09 && tpl.type === 'consult') {
        // Answered on the phone from the knowledge base (kept at 受理 to answer it there).
        const { ticket } = await createTicket(sim, agent, { ...base, channel: 'hotline', hold: true });
        stats.created++;
        const kb = KB_ARTICLES.find((k) => k.category && tpl.cat.startsWith(k.category));
        await act(agent, ticket, between(0.05, 0.2), { action: 'direct_answer', text: kb?.body ?? fill(tpl.reply, place, content) });
        continue;
      }
      if (s < 0.14 && tpl.where === 'village') {
        // A grid worker reports from patrol; simple matters are solved on the spot.
        // the worker patrols their own grid (城北社区): the text names that place, not the one drawn above
        const onSite = rng() < 0.4;
        const gridPlace = org.places.get(GRID_VILLAGE)!;
        const gridText = fill(pick(tpl.texts), gridPlace);
        const { ticket } = await createTicket(sim, grid, {
          ...base, content: gridText, divisionCode: GRID_VILLAGE, categoryCode: tpl.cat, channel: 'grid',
          solvedOnSite: onSite, onSiteResult: onSite ? fill(tpl.reply, gridPlace, gridText) : undefined, contact: { phone: '13905930000', name: '网格员' },
        });
        stats.created++;
        if (!onSite && ticket.status === 'dispatched') await work(ticket, tpl, {});
        continue;
      }
      // Who decides the owner: routing by the category staff chose, the classifier when it is sure
      // enough (auto-dispatch: web and H5 requests, and calls the agent leaves to it), or a dispatcher.
      const route = await resolveRoute(sim, { categoryCode: tpl.cat, divisionCode: place.code });
      let created: Ticket;
      if (s < 0.27) {
        // Submitted by a citizen on the web or H5 (their category is a hint, not a decision).
        const who = rng() < 0.15 ? citizen : null; // some citizens have an account
        ({ ticket: created } = await createTicket(sim, who, { ...base, categoryCode: tpl.cat, channel: rng() < 0.5 ? 'web' : 'h5' }));
      } else {
        ({ ticket: created } = await createTicket(sim, agent, { ...base, categoryCode: rng() < 0.5 ? tpl.cat : undefined, channel: 'hotline' }));
      }
      stats.created++;
      let ticket: Ticket;
      if (created.status === 'dispatched' && created.auto_dispatched && route.leadUnitId && created.lead_unit_id !== route.leadUnitId) {
        // auto-dispatched to the wrong owner: the unit returns it and a dispatcher corrects it
        // (what the dashboard's auto-dispatch precision counts, and a training example)
        stats.autoDispatched++;
        stats.autoCorrected++;
        const back = await act(handlerFor(created), created, between(1, 8), { action: 'return', reason: '该事项不属于本单位职责范围，请改派。' });
        if (!back || rng() < 0.1) continue; // (a few still wait for the dispatcher)
        const again = await act(dispatcher, back, between(0.5, 4), { action: 'redispatch', leadUnitId: route.leadUnitId, coUnitIds: route.coUnitIds, categoryCode: tpl.cat, note: '自动派单有误，按职责改派' });
        if (again) await work(again, tpl, {});
        continue;
      }
      if (created.status === 'dispatched') {
        if (created.auto_dispatched) stats.autoDispatched++;
        ticket = created;
      } else {
        if (created.status !== 'received') continue;
        if (ageDays < 3 && rng() < 0.5) continue; // still in the dispatcher's queue
        const dispatched = route.leadUnitId
          ? await act(dispatcher, created, between(0.3, 20), { action: 'dispatch', leadUnitId: route.leadUnitId, coUnitIds: route.coUnitIds, categoryCode: tpl.cat })
          : null;
        if (!dispatched) continue;
        ticket = dispatched;
      }
      const r = rng();
      if (r < 0.09) {
        // Sent to the wrong owner: returned with a reason, redispatched to the township (属地).
        const back = await act(handlerFor(ticket), ticket, between(1, 8), { action: 'return', reason: pick(RETURN_REASONS) });
        if (!back) continue;
        const street = org.unitByCode.get(unitCodeFor.street(place.parent!))?.id;
        const target = street && street !== ticket.lead_unit_id ? street : org.unitByCode.get(unitCodeFor.government(place.county))!.id;
        if (rng() < 0.15) continue; // still waiting for the dispatcher
        const again = await act(dispatcher, back, between(0.5, 4), { action: 'redispatch', leadUnitId: target, note: '根据退单理由改派属地', basis: '属地管理原则' });
        if (again) await work(again, tpl, {});
        continue;
      }
      const stallAt = r < 0.25 ? pick(['dispatched', 'signed', 'handling', 'handling', 'replied']) : undefined;
      let dupe: (() => Promise<void>) | undefined;
      if (r > 0.93) {
        const master = ticket;
        dupe = async () => {
          const next = new Date(at.getTime() + between(0.5, 5) * HOUR);
          if (next > real) return;
          at = next;
          clock = next;
              await createTicket(sim, agent, { ...base, content: `再次反映：${content}`, contact: contact(), categoryCode: tpl.cat, channel: 'hotline', mergeInto: master.id });
          stats.created++;
        };
      }
      await work(ticket, tpl, { stallAt, extension: r > 0.25 && r < 0.33, duplicate: dupe });
      // Supervisors mark some of what is still open after a few days (督办 / 挂牌督办).
      if (stallAt && ageDays > 4 && rng() < 0.5) {
        await act(supervisor, ticket, between(24, 72), { action: 'supervise', level: rng() < 0.2 ? 2 : 1, note: '超期未办结，请加快办理' });
      }
    } catch (e) {
      stats.failures++;
      deps.log.debug({ err: e }, 'demo ticket failed');
    }
  }
  // Make sure the last hours show what a live centre has: a new web request nobody has
  // dispatched yet, a returned ticket waiting for the dispatcher, and a duplicate merged into
  // an open ticket.
  const fresh = async (hoursAgo: number, tpl: TicketTemplate, who: Actor | null, where?: DemoPlace) => {
    at = new Date(real.getTime() - hoursAgo * HOUR);
    clock = at;
    const place = where ?? pickPlace(tpl.where);
    const body = { content: fill(pick(tpl.texts), place), type: tpl.type, urgency: tpl.urgency ?? 'general', divisionCode: place.code, categoryCode: tpl.cat, contact: contact() };
    const { ticket } = await createTicket(sim, who, who ? { ...body, channel: 'hotline' } : { ...body, channel: 'h5' });
    stats.created++;
    if (ticket.auto_dispatched) stats.autoDispatched++;
    return ticket;
  };
  try {
    for (const h of [0.4, 1.5, 3]) await fresh(h, pick(ALL_TEMPLATES), null);
    // and some that no model is sure of: the dispatcher's queue is never empty
    for (const h of [0.6, 2, 5]) await fresh(h, VAGUE_TEMPLATES[0]!, null);
    // the demo's 市住建局 handler (zhujian) has something in the inbox to sign: a property
    // complaint in the city proper (elsewhere the county's bureau has it)
    const property = TEMPLATES.find((x) => x.cat === '010101');
    const cityProper = [...org.places.values()].filter((p) => p.county === CITY_PROPER && p.level === 5 && p.name.endsWith('社区'));
    if (property && cityProper.length) for (const h of [6, 9]) await fresh(h, property, agent, pick(cityProper));
    const wrong = await fresh(4, TEMPLATES.find((x) => x.cat === '020304')!, agent);
    await act(handlerFor(wrong), wrong, 1.5, { action: 'return', reason: RETURN_REASONS[1]! });
    // and one signed for but not yet started (a handler's inbox shows each stage)
    if (!(await someTicketWithStatus(deps.db, 'signed'))) {
      const signMe = await fresh(8, pick(ALL_TEMPLATES.filter((x) => x.cat && !x.urgency)), agent);
      if (signMe.status === 'dispatched') await act(handlerFor(signMe), signMe, 0.5, { action: 'sign' });
    }
    // and at least one answer waiting for the callback (the agent's callback queue is never empty)
    if (!(await someTicketWithStatus(deps.db, 'replied'))) {
      // one whose unit has a demo handler account (act() needs someone to reply as)
      const handling = (await ticketsWithStatus(deps.db, 'handling')).find((x) => handlerFor(x));
      if (handling) {
        at = new Date(Math.min(real.getTime() - 30 * 60_000, Math.max(new Date(handling.updated_at).getTime() + 60_000, real.getTime() - 3 * HOUR)));
        clock = at;
        await act(handlerFor(handling), handling, 0.1, { action: 'reply', text: '已安排人员现场核查处理，问题已解决，请您留意。' });
      }
    }
    const open = await someTicketWithStatus(deps.db, 'handling');
    if (open) {
      at = new Date(Math.min(real.getTime(), Math.max(new Date(open.updated_at).getTime(), real.getTime() - 2 * HOUR) + 60_000));
      clock = at;
      await createTicket(sim, agent, {
        content: `同一问题再次来电：${open.content}`, type: open.request_type as TicketTemplate['type'], categoryCode: open.category_code ?? undefined,
        divisionCode: open.division_code ?? undefined, contact: contact(), channel: 'hotline', mergeInto: open.id,
      });
      stats.created++;
    }
  } catch (e) {
    stats.failures++;
    deps.log.debug({ err: e }, 'demo recent tickets failed');
  }
  stats.byStatus = await ticketsByStatus(deps.db);
  return stats;
}
