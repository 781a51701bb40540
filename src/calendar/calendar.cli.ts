// `lianxin calendar add FROM N`, `lianxin calendar days FROM TO`,
// `lianxin calendar override DAY workday|holiday [note]`, `lianxin calendar override DAY --delete`.
import type { Command } from 'commander';
import { openDeps } from '../server/start.ts';
import { Day, parseInstant } from '../contract/calendar.ts';
import { loadCalendar } from './load-calendar.ts';
import { toShanghaiIso } from './shanghai.ts';
import { createHolidayOverride, deleteHolidayOverride, updateHolidayOverride } from './overrides.ts';
import { AppError } from '../shared/errors.ts';

async function withDeps<T>(fn: (deps: Awaited<ReturnType<typeof openDeps>>['deps']) => Promise<T>) {
  const { deps, close } = await openDeps();
  try {
    return await fn(deps);
  } finally {
    await close();
  }
}
const fail = (msg: string) => {
  console.error(msg);
  process.exit(2);
};

export function calendarCli(program: Command) {
  const cal = program.command('calendar').description('working days (Asia/Shanghai, State Council holidays + local overrides)');
  cal
    .command('add <from> <days>')
    .description('add working days to an instant, e.g. `calendar add 2025-09-30T10:00+08:00 1`')
    .action(async (from: string, days: string) => {
      const t = parseInstant(from);
      const n = Number(days);
      if (!t || !Number.isInteger(n) || Math.abs(n) > 3650) return fail('usage: calendar add <ISO instant> <integer days>');
      await withDeps(async (deps) => console.log(toShanghaiIso((await loadCalendar(deps)).addWorkingDays(t, n))));
    });
  cal
    .command('days <from> <to>')
    .description('list days with workday flag and reason')
    .action(async (from: string, to: string) => {
      if (!Day.safeParse(from).success || !Day.safeParse(to).success || to < from) return fail('usage: calendar days YYYY-MM-DD YYYY-MM-DD');
      await withDeps(async (deps) => {
        const c = await loadCalendar(deps);
        for (const d of c.days(from, to).slice(0, 3660)) console.log(`${d.day}  ${d.workday ? '上班' : '休息'}  ${d.reason.zh}`);
      });
    });
  cal
    .command('override <day> [kind] [note]')
    .description('set a local override (kind: workday | holiday) or remove it with --delete')
    .option('--delete', 'remove the override for this day')
    .action(async (day: string, kind: string | undefined, note: string | undefined, o: { delete?: boolean }) => {
      if (!Day.safeParse(day).success) return fail('day must be YYYY-MM-DD');
      if (!o.delete && kind !== 'workday' && kind !== 'holiday') return fail('kind must be workday or holiday');
      await withDeps(async (deps) => {
        if (o.delete) await deleteHolidayOverride(deps, day);
        else {
          const k = kind as 'workday' | 'holiday';
          try {
            await createHolidayOverride(deps, { day, kind: k, note });
          } catch (e) {
            if (!(e instanceof AppError && e.code === 'duplicate')) throw e;
            await updateHolidayOverride(deps, day, { kind: k, note });
          }
        }
        const c = await loadCalendar(deps);
        console.log(`${day}: ${c.describe(day).reason.zh}`);
      });
    });
}
