// Builds the HTTP server: one Fastify instance, zod everywhere, OpenAPI at /api/docs.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from './deps.ts';
import { installErrorHandler } from './errors.ts';
import { AppError, errorBody } from '../shared/errors.ts';
import { installAuth } from '../auth/auth.hook.ts';
import { routeModules } from './routes.ts';
import { serveWeb } from './web.ts';
import { clientErrorHandler } from './client-error.ts';

export type App = FastifyInstance;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export async function buildApp(deps: Deps, opts: { logger?: boolean; web?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (opts.logger === false ? undefined : deps.log) as FastifyBaseLogger | undefined,
    bodyLimit: 1024 * 1024,
    // A graceful stop should not wait for idle keep-alive connections.
    forceCloseConnections: 'idle',
    trustProxy: true,
    // the router's own refusals (a malformed %-escape, an over-long path parameter) in the one error format
    frameworkErrors: (err, _req, reply) => {
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
      void (reply as unknown as FastifyReply).status(status).send(errorBody('validation', err.message));
    },
    clientErrorHandler,
    logController: new LogController({ disableRequestLogging: process.env.LIANXIN_REQUEST_LOG !== '1' }),
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // JSON bodies must be valid UTF-8; silently replacing bytes would lose what the citizen wrote.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      return done(new AppError('bad_utf8'), undefined);
    }
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new AppError('validation', 'malformed JSON'), undefined);
    }
  });

  installErrorHandler(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lianxin 连心桥 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lx_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, deps);

  app.get('/api/health', { schema: { response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) } } }, async () => {
    await deps.db.selectFrom('settings').select('key').limit(1).execute();
    return { status: 'ok' as const, db: deps.dbKind };
  });

  for (const register of routeModules) await register(app, deps);
  if (opts.web !== false) await serveWeb(app);
  return app;
}
