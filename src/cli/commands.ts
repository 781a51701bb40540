// Each capability adds its CLI commands here, one line each.
import type { Command } from 'commander';

export type CliModule = (program: Command) => void;
export const cliCommands: CliModule[] = [];
