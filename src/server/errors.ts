// Maps every error to one JSON shape with a zh/en message. Never lets a client error become a 5xx.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, errorBody } from '../shared/errors.ts';

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(errorBody(err.code, err.message, err.details));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({ path: v.instancePath || '', message: v.message }));
      return reply.status(400).send(errorBody('validation', err.message, issues));
    }
    if (err instanceof ZodError) {
      return reply.status(400).send(errorBody('validation', undefined, err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))));
    }
    const code = err.code ?? '';
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) return reply.status(413).send(errorBody('payload_too_large'));
    // a body Fastify has no parser for (a form post, text/plain): the API takes JSON (uploads: multipart)
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return reply.status(415).send(errorBody('unsupported_content_type', `content-type ${req.headers['content-type'] ?? '(none)'} is not accepted here`));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(errorBody(err.statusCode === 404 ? 'not_found' : 'validation', err.message));
    }
    // Postgres errors from bad client input that slipped past validation.
    const pgCode = (err as unknown as { code?: string }).code;
    if (pgCode === '22P02' || pgCode === '22021' || pgCode === '22001' || pgCode === '23503') {
      return reply.status(400).send(errorBody('validation', 'invalid value'));
    }
    if (pgCode === '23505') return reply.status(409).send(errorBody('duplicate'));
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal'));
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send(errorBody('not_found', `${req.method} ${req.url}`)));
}
