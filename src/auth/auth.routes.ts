import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { LoginBody, MeResponse, SessionResponse } from '../contract/auth.ts';
import { SESSION_COOKIE, forgetUserSessions, login, logout } from './sessions.ts';
import { requireActor } from './auth.hook.ts';
import { setUserLocale } from './auth.repo.ts';
import type { Actor } from './actor.ts';

const present = (a: Actor) => ({
  id: a.id, username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId,
  unitName: a.unitName, divisionCode: a.divisionCode, locale: a.locale,
});

export async function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/auth/login', { schema: { tags: ['auth'], body: LoginBody, response: { 200: MeResponse } } }, async (req, reply) => {
    const { token, expiresAt, actor } = await login(deps, req.body, req.ip);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true, sameSite: 'lax', path: '/', expires: expiresAt, secure: process.env.LIANXIN_COOKIE_SECURE === '1',
    });
    return present(actor);
  });
  r.post('/api/v1/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
    await logout(deps, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
  r.get('/api/v1/auth/me', { schema: { tags: ['auth'], response: { 200: MeResponse } } }, async (req) => present(requireActor(req)));
  r.get('/api/v1/auth/session', { schema: { tags: ['auth'], response: { 200: SessionResponse } } }, async (req) => ({ user: req.actor ? present(req.actor) : null }));
  r.put('/api/v1/auth/me/locale', { schema: { tags: ['auth'], body: z.object({ locale: z.enum(['zh', 'en']) }) } }, async (req) => {
    const a = requireActor(req);
    await setUserLocale(deps.db, a.id, req.body.locale);
    forgetUserSessions(a.id); // the cached session still carries the old locale
    return { ok: true };
  });
}
