// `lianxin demo` and `lianxin user create`.
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDeps } from '../server/start.ts';
import { ROLES, type Role } from '../contract/enums.ts';
import { UserCreate } from '../contract/orgs.ts';
import { createUser } from '../orgs/users-admin.ts';
import { findUnitByCode } from '../orgs/units.repo.ts';
import { seedDemoIfEmpty } from './seed-demo.ts';

export function demoCli(program: Command) {
  program
    .command('demo')
    .description('seed the demo city (宁德市) into the configured database when it has no users yet')
    .option('--tickets <n>', 'how many tickets to walk (default 260)')
    .option('--history <n>', 'how many closed tickets to import as history (default 1200)')
    .action(async (o: { tickets?: string; history?: string }) => {
      const config = loadConfig();
      const { deps, close } = await openDeps(config);
      try {
        const res = await seedDemoIfEmpty(deps, { password: config.demoPassword, tickets: o.tickets ? Number(o.tickets) : undefined, history: o.history ? Number(o.history) : undefined });
        if (!res.seeded) console.log('the database already has users; demo not seeded');
        else console.log(`demo seeded in ${(res.ms! / 1000).toFixed(1)} s: ${res.tickets!.created} tickets, ${res.history} imported as history`, res.tickets!.byStatus);
      } finally {
        await close();
      }
    });

  const user = program.command('user').description('user accounts');
  user
    .command('create')
    .description('create a user with a password')
    .requiredOption('--username <name>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption('--password <password>', 'at least 8 characters')
    .option('--name <displayName>', 'display name (default: the username)')
    .option('--unit <code>', 'unit code, e.g. zjj-3509 (handlers and leaders)')
    .option('--division <code>', 'division code (jurisdiction; grid workers)')
    .action(async (o: { username: string; role: string; password: string; name?: string; unit?: string; division?: string }) => {
      const { deps, close } = await openDeps();
      try {
        const unit = o.unit ? await findUnitByCode(deps.db, o.unit) : null;
        if (o.unit && !unit) throw new Error(`no unit with code ${o.unit}`);
        const input = UserCreate.parse({
          username: o.username, password: o.password, displayName: o.name ?? o.username, role: o.role as Role,
          unitId: unit?.id ?? null, divisionCode: o.division ?? null,
        });
        const u = await createUser(deps, input);
        console.log(`created ${u.role} ${u.username}${u.unitName ? ` (${u.unitName})` : ''}${u.divisionName ? ` [${u.divisionName}]` : ''}`);
      } finally {
        await close();
      }
    });
}
