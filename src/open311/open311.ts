// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) on top of the ticket loop: the
// deployment's categories are the services; a POST takes a request in through the same intake as
// every other channel (channel 'open311', routed and auto-dispatched alike); the public list shows
// what the board shows. service_request_id is the ticket's id (not its number: the number is half
// of the citizen's tracking secret). Clients need an API key (LIANXIN_OPEN311_KEYS).
import type { Deps } from '../server/deps.ts';
import { ANONYMOUS_CITIZEN, type Actor } from '../auth/actor.ts';
import { AppError } from '../shared/errors.ts';
import { createTicket } from '../tickets/create-ticket.ts';
import { CreateTicketBody } from '../contract/tickets.ts';
import { parsePlace } from '../nlp/address/parse-place.ts';
import { anonymise } from '../tickets/anonymise.ts';
import { listCategories } from '../orgs/categories.ts';
import { chainOf } from '../orgs/category-chain.ts';
import { listPublicRequests, type RequestFilter } from './open311.repo.ts';

/** API keys from `LIANXIN_OPEN311_KEYS`: comma-separated `name=key` pairs (a key alone is named after itself). */
export function parseKeys(env: string | undefined): Map<string, string> {
  const keys = new Map<string, string>();
  for (const part of (env ?? '').split(',')) {
    const p = part.trim();
    if (!p) continue;
    const i = p.indexOf('=');
    const [name, key] = i > 0 ? [p.slice(0, i).trim(), p.slice(i + 1).trim()] : [p, p];
    if (key.length >= 8) keys.set(key, name);
  }
  return keys;
}

/** The client behind an API key, acting as a citizen would (no staff rights). */
export function clientActor(name: string): Actor {
  return { ...ANONYMOUS_CITIZEN, id: '00000000-0000-0000-0000-000000000311', username: `open311:${name}`, displayName: `Open311 · ${name}` };
}

export async function listServices(deps: Deps) {
  const cats = await listCategories(deps);
  const byCode = new Map(cats.map((c) => [c.code, c]));
  const groupOf = (code: string) => byCode.get(chainOf(code, byCode, (c) => c.parentCode)[0] ?? '')?.name ?? '';
  return cats.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.nameEn ? `${c.name} (${c.nameEn})` : c.name,
    metadata: false,
    type: 'realtime' as const,
    keywords: c.keywords.split(/[\s,，、]+/).filter(Boolean).join(','),
    group: groupOf(c.code),
  }));
}

export async function serviceDefinition(deps: Deps, code: string) {
  if (!(await listCategories(deps)).some((c) => c.code === code)) throw new AppError('not_found', `service ${code}`);
  // no extra attributes: the description, place and contact are all a request needs here
  return { service_code: code, attributes: [] as unknown[] };
}

export interface PostRequestInput {
  service_code: string;
  description?: string;
  lat?: number;
  long?: number;
  address_string?: string;
  phone?: string;
  first_name?: string;
  last_name?: string;
  email?: string;
}

export async function postRequest(deps: Deps, client: Actor, p: PostRequestInput) {
  if (p.lat === undefined && p.long === undefined && !p.address_string) throw new AppError('validation', 'a location is required: lat and long, or address_string');
  if ((p.lat === undefined) !== (p.long === undefined)) throw new AppError('validation', 'lat and long go together');
  if (!p.description || [...p.description.trim()].length < 2) throw new AppError('validation', 'description is required');
  if (!p.phone) throw new AppError('validation', 'phone is required here: the hotline calls the citizen back');
  const name = [p.last_name, p.first_name].filter(Boolean).join('') || undefined;
  // the place: from the address the client gave, else from the description (intake reads that)
  const place = p.address_string ? await parsePlace(deps, { text: p.address_string }) : null;
  // the same contract as every other intake (lengths, phone format, coordinates)
  const body = CreateTicketBody.safeParse({
    channel: 'open311', content: p.description.trim(), categoryCode: p.service_code, address: p.address_string, lat: p.lat, lng: p.long,
    divisionCode: place?.code, contact: { phone: p.phone, name },
  });
  if (!body.success) throw new AppError('validation', body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const created = await createTicket(deps, client, body.data);
  return [{ service_request_id: created.ticket.id, service_notice: `工单编号 ${created.ticket.number}` }];
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function listRequests(deps: Deps, f: RequestFilter) {
  const rows = await listPublicRequests(deps.db, f);
  return rows.map((t) => ({
    service_request_id: t.id,
    status: t.status === 'closed' || t.status === 'merged' ? 'closed' : 'open',
    status_notes: t.reply_text ? anonymise(t.reply_text, [t.contact_name]) : null,
    service_name: t.category_name,
    service_code: t.category_code,
    description: anonymise(t.content, [t.contact_name]),
    agency_responsible: t.unit_name,
    service_notice: null,
    requested_datetime: iso(t.received_at),
    updated_datetime: iso(t.updated_at),
    expected_datetime: iso(t.reply_deadline),
    address: anonymise(t.address, [t.contact_name]),
    address_id: null,
    zipcode: null,
    lat: t.lat,
    long: t.lng,
    media_url: null,
  }));
}

export async function getRequest(deps: Deps, id: string) {
  const [r] = await listRequests(deps, { ids: [id], limit: 1, offset: 0 });
  if (!r) throw new AppError('not_found', `request ${id}`);
  return [r];
}
