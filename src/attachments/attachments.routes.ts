import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import { MAX_ATTACHMENT_BYTES } from './sniff.ts';
import { openAttachment, uploadAttachment } from './attachments.ts';

const AttachmentView = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() });

export async function attachmentRoutes(app: FastifyInstance, deps: Deps) {
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/attachments', {
    bodyLimit: MAX_ATTACHMENT_BYTES + 64 * 1024,
    schema: { tags: ['attachments'], consumes: ['multipart/form-data'], response: { 201: AttachmentView } },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError('unsupported_media', 'send multipart/form-data with a "file" field');
    let file: Awaited<ReturnType<typeof req.file>>;
    try {
      file = await req.file();
    } catch (e) {
      throw new AppError('validation', `malformed multipart body: ${(e as Error).message}`); // e.g. no boundary
    }
    if (!file) throw new AppError('validation', 'no file');
    if (file.fieldname !== 'file') throw new AppError('validation', 'send the file in a field named "file"');
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT') throw new AppError('payload_too_large');
      throw new AppError('validation', 'the multipart body ends before the file does');
    }
    if (file.file.truncated) throw new AppError('payload_too_large');
    return reply.status(201).send(await uploadAttachment(deps, req.actor, { name: file.filename, bytes }));
  });
  r.get('/api/v1/attachments/:id', { schema: { tags: ['attachments'], params: z.object({ id: z.string().uuid() }) } }, async (req, reply) => {
    const { meta, stream } = await openAttachment(deps, req.actor, req.params.id);
    reply.header('content-type', meta.mime);
    reply.header('cache-control', 'private, max-age=3600');
    reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(meta.name)}`);
    reply.header('x-content-type-options', 'nosniff');
    return reply.send(stream);
  });
}
