// Serves the built web app (web/dist) at / with SPA fallback, when it has been built.
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorBody } from '../shared/errors.ts';

export const webDist = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function serveWeb(app: FastifyInstance) {
  if (!existsSync(join(webDist, 'index.html'))) {
    app.get('/', async (_req, reply) =>
      reply.type('text/html').send('<h1>Lianxin 连心桥</h1><p>Web app not built: run <code>npm run build</code>. API docs: <a href="/api/docs">/api/docs</a></p>'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    preCompressed: true,
    // Hashed bundle files never change; index.html is always revalidated.
    cacheControl: false,
    setHeaders: (reply, path) => reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  // SPA fallback as a catch-all GET route (the 404 handler belongs to the error module): any page
  // path gets index.html; unknown API paths and missing files stay 404 with the usual error body.
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const url = req.url.split('?')[0];
    if (!url.startsWith('/api/') && !url.startsWith('/open311/') && !/\.[a-z0-9]+$/i.test(url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    // A file built after start (the static routes are listed once, at start-up).
    let rel = '';
    try {
      rel = decodeURIComponent(url).replace(/^\/+/, '');
    } catch {
      /* malformed escape: not a file of ours */
    }
    const file = resolve(webDist, rel);
    if (rel && file.startsWith(webDist + sep) && existsSync(file) && statSync(file).isFile()) {
      const hashed = rel.startsWith('assets/');
      return reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(rel);
    }
    return reply.status(404).send(errorBody('not_found', `${req.method} ${req.url}`));
  });
}
