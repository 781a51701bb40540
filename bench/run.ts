// npm run bench -- <name> [options]. Benchmarks: intake, analyze.
import { benchIntake } from './intake.ts';
import { benchAnalyze } from './analyze.ts';

const [name = 'intake', ...rest] = process.argv.slice(2);
const opt = (k: string, d: string) => {
  const i = rest.indexOf(`--${k}`);
  return i >= 0 ? rest[i + 1] : d;
};

if (name === 'intake') {
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dbs = opt('db', 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
  const { table } = await benchIntake({ dbs, pgUrl, rounds: Number(opt('rounds', '3')), seconds: Number(opt('seconds', '10')), connections: Number(opt('connections', '32')) });
  console.log(`\n${table}\n`);
  process.exit(0);
} else if (name === 'analyze') {
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dbs = opt('db', 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
  const { table } = await benchAnalyze({ dbs, pgUrl, requests: Number(opt('requests', '4000')), open: Number(opt('open', '3000')), closed: Number(opt('closed', '3000')) });
  console.log(`\n${table}\n`);
  process.exit(0);
} else {
  console.error(`unknown benchmark "${name}" (known: intake, analyze)`);
  process.exit(2);
}
