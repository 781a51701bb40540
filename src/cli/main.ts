// The `lianxin` command line.
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDeps, startServer } from '../server/start.ts';
import { cliCommands } from './commands.ts';

const program = new Command('lianxin').description('Lianxin 连心桥 — 接诉即办 platform');

program
  .command('serve')
  .description('serve the web app and API (and run the worker unless LIANXIN_SERVICES says otherwise)')
  .option('--demo', 'seed the demo city on an empty database')
  .option('-p, --port <port>', 'port (default $PORT or 3000)')
  .action(async (o: { demo?: boolean; port?: string }) => {
    const config = loadConfig();
    if (o.port) config.port = Number(o.port);
    await startServer({ demo: o.demo, config });
  });

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    const { close } = await openDeps();
    await close();
    console.log('migrations applied');
  });

for (const add of cliCommands) add(program);

program.parseAsync(process.argv).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
