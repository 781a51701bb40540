// What domain functions receive: the database and a few process-wide facilities. No Fastify here.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import type { DbKind } from '../db/db.ts';

export interface Deps {
  db: Kysely<DB>;
  dbKind: DbKind;
  dataDir: string;
  nodeId: string;
  log: Logger;
  /** The current time; tests replace it. */
  now: () => Date;
}
