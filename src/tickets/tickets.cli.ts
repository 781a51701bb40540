// `lianxin import tickets FILE` and `lianxin audit verify`.
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { openDeps } from '../server/start.ts';
import { importFile } from './import-file.ts';
import { verifyChains } from './verify-chains.ts';

export function ticketsCli(program: Command) {
  const imp = program.command('import').description('import history');
  imp
    .command('tickets <file>')
    .description('load past tickets from FILE.jsonl or FILE.csv as closed tickets with their received and reply times (idempotent by id)')
    .option('--batch <n>', 'rows per transaction', '500')
    .action(async (file: string, o: { batch: string }) => {
      const { deps, close } = await openDeps();
      const bar = new SingleBar({ format: '导入工单 {bar} {percentage}% | {inserted} new, {skipped} already there, {invalid} unreadable', hideCursor: true }, Presets.shades_classic);
      bar.start(100, 0, { inserted: 0, skipped: 0, invalid: 0 });
      try {
        const t0 = Date.now();
        const res = await importFile(deps, file, {
          batchSize: Number(o.batch),
          onProgress: (done, total, c) => bar.update(Math.round((done / Math.max(total, 1)) * 100), c),
        });
        bar.update(100, res);
        bar.stop();
        console.log(`imported ${res.inserted} tickets, ${res.skipped} already present, ${res.invalid} unreadable rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        if (res.invalidLines.length) console.log(`unreadable lines (first ${res.invalidLines.length}): ${res.invalidLines.join(', ')}`);
      } finally {
        bar.stop();
        await close();
      }
    });

  program
    .command('audit')
    .description('audit tools')
    .command('verify')
    .description('check every ticket event chain (tamper evidence)')
    .action(async () => {
      const { deps, close } = await openDeps();
      const bar = new SingleBar({ format: '校验事件链 {bar} {value}/{total} tickets', hideCursor: true }, Presets.shades_classic);
      let started = false;
      try {
        const res = await verifyChains(deps, {
          onProgress: (done, total) => {
            if (!started) { bar.start(total, 0); started = true; }
            bar.update(done);
          },
        });
        bar.stop();
        console.log(`${res.tickets} tickets, ${res.events} events checked; ${res.problems.length} problems`);
        for (const p of res.problems.slice(0, 50)) console.log(`  ${p.number} event ${p.seq ?? '-'}: ${p.problem}`);
        if (res.problems.length) process.exitCode = 2;
      } finally {
        bar.stop();
        await close();
      }
    });
}
