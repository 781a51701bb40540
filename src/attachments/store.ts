// Content-addressed file store under <dataDir>/files/<aa>/<bb>/<sha256>. The same bytes are
// stored once; writes go to a temp file first and are renamed into place (atomic).
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, stat, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';

export function blobPath(dataDir: string, sha256: string) {
  return join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export async function putBlob(dataDir: string, bytes: Buffer): Promise<string> {
  const sha = createHash('sha256').update(bytes).digest('hex');
  const path = blobPath(dataDir, sha);
  try {
    await stat(path);
    return sha;
  } catch {
    /* not stored yet */
  }
  await mkdir(join(path, '..'), { recursive: true });
  const tmp = `${path}.${randomUUID()}.tmp`;
  await writeFile(tmp, bytes);
  const fh = await open(tmp, 'r');
  await fh.sync();
  await fh.close();
  await rename(tmp, path);
  return sha;
}
