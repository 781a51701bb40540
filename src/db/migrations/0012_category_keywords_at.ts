// When a category's keywords were last set. A category whose keywords were set after the active
// category model was trained is one the model cannot know: its keywords then decide inside the
// model's level-1 branch (src/nlp/keyword-rule.ts). Categories that exist now count as known
// ('-infinity'); new ones and keyword edits get the time of the change.
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
alter table categories add column keywords_at timestamptz not null default '-infinity';
alter table categories alter column keywords_at set default now();
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `alter table categories drop column if exists keywords_at;`);
}
