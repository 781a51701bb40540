// Resolves the session cookie to an Actor on every request (null when not signed in).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';
import { SESSION_COOKIE, actorForToken } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function installAuth(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await actorForToken(deps, token) : null;
    // the admin API is for signed-in staff only: say so before judging the request's parameters
    // (otherwise an anonymous caller gets a 400 with the schema's details instead of a 401)
    if (!req.actor && req.url.startsWith('/api/v1/admin/')) throw new AppError('unauthenticated');
  });
}

/** The signed-in actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}
