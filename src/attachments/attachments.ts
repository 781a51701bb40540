// Uploading and reading attachments (photos, PDFs): type checked by content, size capped,
// stored once per content. Reading requires the right to see a ticket that uses the file.
import { createReadStream } from 'node:fs';
import type { Deps } from '../server/deps.ts';
import { isVirtual, type Actor } from '../auth/actor.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../shared/errors.ts';
import { canSeeTicket } from '../auth/policy.ts';
import { getTicket, loadAccess } from '../tickets/tickets.repo.ts';
import { MAX_ATTACHMENT_BYTES, sniffMime } from './sniff.ts';
import { blobPath, putBlob } from './store.ts';
import * as repo from './attachments.repo.ts';

export async function uploadAttachment(deps: Deps, actor: Actor | null, file: { name: string; bytes: Buffer }) {
  if (file.bytes.length === 0) throw new AppError('validation', 'empty file');
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large');
  const mime = sniffMime(file.bytes);
  if (!mime) throw new AppError('unsupported_media', 'only JPEG, PNG, GIF, WebP images and PDF files');
  const sha256 = await putBlob(deps.dataDir, file.bytes);
  const name = file.name.replace(/[\u0000-\u001f/\\]/g, '_').slice(0, 200) || 'file';
  const row = await repo.insertAttachment(deps.db, { sha256, mime, size: file.bytes.length, name, uploaded_by: actor && !isVirtual(actor) ? actor.id : null });
  return { id: row.id, name: row.name, mime: row.mime, size: row.size };
}

export async function openAttachment(deps: Deps, actor: Actor | null, id: string) {
  const a = await repo.getAttachment(deps.db, id);
  if (!a) throw new AppError('not_found');
  let allowed = !!actor && (actor.role === 'admin' || (a.uploaded_by !== null && a.uploaded_by === actor.id));
  if (!allowed && actor) {
    for (const ticketId of await repo.ticketsReferencing(deps.db, id)) {
      const t = await getTicket(deps.db, ticketId);
      if (t && canSeeTicket(actor, await loadAccess(deps.db, t))) {
        allowed = true;
        break;
      }
    }
  }
  if (!allowed) throw new AppError('not_found');
  return { meta: a, stream: createReadStream(blobPath(deps.dataDir, a.sha256)) };
}

/**
 * May `actor` put these files on ticket `ticketId` (null: the ticket being created)? Their own
 * uploads, yes; a file uploaded without an account (the citizen form) only while no other ticket
 * holds it. Unknown ids and other people's files are refused alike, naming nothing.
 */
export async function checkAttachable(db: Kysely<DB>, actor: Actor | null, ids: readonly string[] | undefined, ticketId: string | null): Promise<void> {
  const uniq = [...new Set(ids ?? [])];
  if (!uniq.length) return;
  const rows = await repo.attachmentOwners(db, uniq);
  const ok = rows.length === uniq.length && rows.every((r) =>
    r.uploaded_by ? r.uploaded_by === actor?.id : r.ticket_id === null || r.ticket_id === ticketId);
  if (!ok) throw new AppError('validation', 'unknown attachment');
}

/** Records that the files are on `ticketId` (files no ticket held yet). */
export async function claimAttachments(db: Kysely<DB>, ids: readonly string[] | undefined, ticketId: string): Promise<void> {
  await repo.claimAttachments(db, [...new Set(ids ?? [])], ticketId);
}
