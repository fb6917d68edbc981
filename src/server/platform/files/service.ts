import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../access.js';
import { AppError, notFound } from '../errors.js';
import { detectMediaType, type FileKind, isAccepted } from './media-types.js';
import { storedFiles } from './schema.js';

export type StoredFile = typeof storedFiles.$inferSelect;
export type FileSummary = Pick<StoredFile, 'id' | 'name' | 'mediaType' | 'size' | 'createdAt'>;

/** Largest file a person may upload (logos are smaller: see their module). */
export const maxUploadBytes = 5 * 1024 * 1024;

/** Decodes an upload sent as base64 in a JSON body; `path` names the field in error messages. */
export function decodeUpload(base64: string, path: string, maxBytes = maxUploadBytes): Buffer {
  const content = Buffer.from(base64, 'base64');
  if (content.length === 0) throw new AppError('validation', [{ path, key: 'validation.file_empty' }]);
  if (content.length > maxBytes) {
    throw new AppError('validation', [{ path, key: 'validation.file_too_large', params: { max: String(Math.round(maxBytes / 1024)) } }]);
  }
  return content;
}

/**
 * Keeps a file after checking what it really is. The name is only kept for downloads: its extension is
 * replaced by the one of the detected type.
 */
export async function storeFile(
  tx: Executor,
  actor: Actor,
  input: { name: string; content: Buffer; accept: FileKind; path: string },
): Promise<FileSummary> {
  const detected = detectMediaType(input.content);
  if (!isAccepted(detected, input.accept)) {
    throw new AppError('validation', [
      { path: input.path, key: input.accept === 'image' ? 'validation.file_not_image' : 'validation.file_type' },
    ]);
  }
  return storeCheckedFile(tx, actor, { name: input.name, content: input.content, type: detected });
}

/** Keeps a file whose type the caller has already established from its content (e.g. a CSV checked as UTF-8 text). */
export async function storeCheckedFile(
  tx: Executor,
  actor: Actor,
  input: { name: string; content: Buffer; type: { mediaType: string; extension: string } },
): Promise<FileSummary> {
  const base =
    input.name
      .replace(/[/\\]/g, '_')
      .replace(/\.[^.]*$/, '')
      .trim()
      .slice(0, 150) || 'file';
  const [row] = await tx
    .insert(storedFiles)
    .values({
      name: `${base}.${input.type.extension}`,
      mediaType: input.type.mediaType,
      size: input.content.length,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      content: input.content,
      createdBy: actor.user?.id ?? null,
    })
    .returning({
      id: storedFiles.id,
      name: storedFiles.name,
      mediaType: storedFiles.mediaType,
      size: storedFiles.size,
      createdAt: storedFiles.createdAt,
    });
  return row;
}

export async function readStoredFile(db: Executor, id: string): Promise<StoredFile> {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id)).limit(1);
  if (!row) throw notFound();
  return row;
}

export async function deleteStoredFile(tx: Executor, id: string): Promise<void> {
  await tx.delete(storedFiles).where(eq(storedFiles.id, id));
}

/** Serves a stored file: images inline, everything else as a download; never sniffed by the browser. */
export function sendStoredFile(reply: FastifyReply, file: StoredFile) {
  const disposition = file.mediaType.startsWith('image/') ? 'inline' : 'attachment';
  return reply
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=300')
    .type(file.mediaType)
    .send(file.content);
}
