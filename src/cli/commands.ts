// Each capability adds its CLI commands here, one line each.
import type { Command } from 'commander';
import { divisionsCli } from '../divisions/divisions.cli.ts';
import { demoCli } from '../demo/demo.cli.ts';
import { jobsCli } from '../jobs/jobs.cli.ts';
import { calendarCli } from '../calendar/calendar.cli.ts';
import { nlpCli } from '../nlp/train-cli.ts';
import { ticketsCli } from '../tickets/tickets.cli.ts';

export type CliModule = (program: Command) => void;
export const cliCommands: CliModule[] = [divisionsCli, demoCli, jobsCli, calendarCli, nlpCli, ticketsCli];
