import { sql, type Kysely } from 'kysely';

/** Runs a SQL script statement by statement (statements end with `;` at end of line). */
export async function runScript(db: Kysely<any>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*$/m)
    .map((s) => s.replace(/--[^\n]*$/gm, '').trim())
    .filter(Boolean);
  for (const s of statements) await sql.raw(s).execute(db);
}
