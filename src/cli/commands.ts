// Each capability adds its CLI commands here, one line each.
import type { Command } from 'commander';
import { divisionsCli } from '../divisions/divisions.cli.ts';

export type CliModule = (program: Command) => void;
export const cliCommands: CliModule[] = [divisionsCli];
