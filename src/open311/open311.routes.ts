// Open311 GeoReport v2 under /open311/v2 (JSON): discovery, services, service definitions,
// requests (list, one, POST with an API key) and tokens. Errors answer in the spec's shape,
// [{ "code": 400, "description": "…" }]; POST takes form-encoded bodies as the spec says (JSON too).
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, ERRORS } from '../shared/errors.ts';
import { Instant } from '../contract/calendar.ts';
import type { Deps } from '../server/deps.ts';
import { clientActor, getRequest, listRequests, listServices, parseKeys, postRequest, serviceDefinition, type PostRequestInput } from './open311.ts';

const BASE = '/open311/v2';
const MAX_PAGE = 500;

/** `code.json` → code; other formats are not served. */
function jsonName(file: string): string {
  if (!file.endsWith('.json')) throw new AppError('validation', file.endsWith('.xml') ? 'only the JSON format is served: use .json' : 'expected a .json path');
  return file.slice(0, -5);
}

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);
/** A filter GeoReport v2 lets a client give several times, comma delimited (status=open,closed), or repeated. */
const list = (v: unknown): string[] | undefined => {
  const all = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  return all.length ? [...new Set(all)] : undefined;
};
function num(v: unknown, name: string, min: number, max: number): number | undefined {
  const s = str(v);
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  if (!Number.isFinite(n) || n < min || n > max) throw new AppError('validation', `${name} must be a number from ${min} to ${max}`);
  return n;
}
/** A W3C date-time, read as every instant of the API is (contract Instant: ISO 8601, the calendar's years). */
function date(v: unknown, name: string): Date | undefined {
  const s = str(v);
  if (!s) return undefined;
  const d = Instant.safeParse(s);
  if (!d.success) throw new AppError('validation', `${name} must be a W3C date-time`);
  return d.data;
}
/** Ids this server gives out (ticket ids). */
const isId = (s: string) => /^[0-9a-f-]{36}$/i.test(s);

export async function open311Routes(app: FastifyInstance, deps: Deps) {
  const keys = parseKeys(process.env.LIANXIN_OPEN311_KEYS);
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body: string, done) => {
      const out: Record<string, string> = {};
      for (const [k, v] of new URLSearchParams(body)) out[k] = v;
      done(null, out);
    });
    scope.setErrorHandler((err: FastifyError, req, reply) => {
      const status = err instanceof AppError ? err.status : err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
      if (status >= 500) req.log.error({ err }, 'open311 error');
      const description = err instanceof AppError ? `${ERRORS[err.code].en}: ${err.message}` : status >= 500 ? 'internal error' : err.message;
      return reply.status(status).send([{ code: status, description }]);
    });
    scope.setNotFoundHandler((req, reply) => reply.status(404).send([{ code: 404, description: `no such resource: ${req.url}` }]));

    const hide = { schema: { hide: true } };
    scope.get(`/discovery.json`, hide, async (req) => {
      const url = `${req.protocol}://${req.host}${BASE}/`;
      return {
        changeset: '2026-12-02T00:00:00Z',
        contact: 'The county 12345 citizen service hotline',
        key_service: 'Ask the 12345 centre for an API key (LIANXIN_OPEN311_KEYS)',
        endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: '2026-12-02T00:00:00Z', type: 'production', formats: ['application/json'] }],
      };
    });
    scope.get(`/services.json`, hide, async () => listServices(deps));
    scope.get<{ Params: { file: string } }>(`/services/:file`, hide, async (req) => serviceDefinition(deps, jsonName(req.params.file)));
    scope.get<{ Querystring: Record<string, unknown> }>(`/requests.json`, hide, async (req) => {
      const q = req.query;
      const ids = list(q.service_request_id);
      if (ids?.some((id) => !isId(id))) throw new AppError('validation', 'service_request_id must be ids given by this server');
      const statuses = list(q.status);
      if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new AppError('validation', 'status is open or closed (or both, comma delimited)');
      // both statuses: no filter
      const status = statuses?.length === 1 ? statuses[0] : undefined;
      const serviceCodes = list(q.service_code);
      const pageSize = num(q.page_size, 'page_size', 1, MAX_PAGE) ?? 100;
      const page = num(q.page, 'page', 1, 100000) ?? 1;
      // without dates the spec's default window: the last 90 days
      const end = date(q.end_date, 'end_date');
      const given = date(q.start_date, 'start_date');
      if (given && end && given >= end) throw new AppError('validation', 'start_date must be before end_date');
      const start = given ?? (ids?.length ? undefined : new Date((end ?? deps.now()).getTime() - 90 * 86_400_000));
      return listRequests(deps, { ids, serviceCodes, status: status as 'open' | 'closed' | undefined, start, end, limit: pageSize, offset: (page - 1) * pageSize });
    });
    scope.get<{ Params: { file: string } }>(`/requests/:file`, hide, async (req) => {
      const id = jsonName(req.params.file);
      if (!isId(id)) throw new AppError('not_found', 'no such request');
      return getRequest(deps, id);
    });
    // requests are taken in at once, so a token is the request itself
    scope.get<{ Params: { file: string } }>(`/tokens/:file`, hide, async (req) => {
      const id = jsonName(req.params.file);
      if (!isId(id)) throw new AppError('not_found', 'no such token');
      const [r] = await getRequest(deps, id);
      return [{ service_request_id: r.service_request_id, token: id }];
    });
    scope.post<{ Body: Record<string, unknown> }>(`/requests.json`, hide, async (req, reply) => {
      const b = (req.body ?? {}) as Record<string, unknown>;
      const name = keys.get(str(b.api_key) ?? '');
      if (!name) return reply.status(403).send([{ code: 403, description: 'a valid api_key is required to post requests' }]);
      const serviceCode = str(b.service_code);
      if (!serviceCode) throw new AppError('validation', 'service_code is required');
      const input: PostRequestInput = {
        service_code: serviceCode, description: str(b.description), lat: num(b.lat, 'lat', -90, 90), long: num(b.long, 'long', -180, 180),
        address_string: str(b.address_string)?.slice(0, 200), phone: str(b.phone), first_name: str(b.first_name)?.slice(0, 20), last_name: str(b.last_name)?.slice(0, 20), email: str(b.email),
      };
      return reply.status(201).send(await postRequest(deps, clientActor(name), input));
    });
    // anything else under the base answers in GeoReport's own error shape (not the web app's):
    // a known resource with another method is 405 with what it allows; .xml is not served
    const ALLOWED: [RegExp, string][] = [[/^\/(?:discovery|services)\.json$/, 'GET'], [/^\/services\/[^/]+$/, 'GET'], [/^\/requests\.json$/, 'GET, POST'], [/^\/requests\/[^/]+$/, 'GET'], [/^\/tokens\/[^/]+$/, 'GET']];
    scope.route({
      method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', schema: { hide: true },
      handler: async (req, reply) => {
        const path = req.url.slice(BASE.length).split('?')[0]!;
        const allow = ALLOWED.find(([re]) => re.test(path))?.[1];
        if (allow) return reply.status(405).header('allow', allow).send([{ code: 405, description: `${req.method} is not allowed here (${allow})` }]);
        const xml = /\.xml$/.test(path) ? ': only the JSON format is served (.json)' : '';
        return reply.status(404).send([{ code: 404, description: `no such resource: ${path}${xml}` }]);
      },
    });
  }, { prefix: BASE });
}
