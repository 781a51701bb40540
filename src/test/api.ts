// A tiny HTTP client over app.inject for tests: keeps a session cookie per user.
import type { FastifyInstance } from 'fastify';
import { loginCookie } from './fixture.ts';

export interface Api {
  get(url: string): Promise<{ status: number; body: any }>;
  post(url: string, payload?: unknown): Promise<{ status: number; body: any }>;
}

export function apiAs(app: FastifyInstance, cookie?: string): Api {
  const headers = cookie ? { cookie } : {};
  const wrap = (res: { statusCode: number; body: string }) => ({ status: res.statusCode, body: res.body ? JSON.parse(res.body) : null });
  return {
    get: async (url) => wrap(await app.inject({ method: 'GET', url, headers })),
    post: async (url, payload) => wrap(await app.inject({ method: 'POST', url, headers, payload: (payload ?? {}) as object })),
  };
}

/** An Api signed in as `username` (see loginCookie in the fixture). */
export async function login(app: FastifyInstance, username: string, password: string): Promise<Api> {
  return apiAs(app, await loginCookie(app, username, password));
}
