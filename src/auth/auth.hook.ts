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
  });
}

/** The signed-in actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}
