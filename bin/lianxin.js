#!/usr/bin/env node
// Entry point for the `lianxin` CLI: runs the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
