// Process configuration from the environment, read once.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  demoPassword?: string;
  nodeId: string;
  services: Set<'web' | 'worker'>;
  logLevel: string;
  cookieSecure: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const services = (env.LIANXIN_SERVICES ?? 'web,worker').split(',').map((s) => s.trim());
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.LIANXIN_DATA_DIR ?? './data'),
    demoPassword: env.LIANXIN_DEMO_PASSWORD || undefined,
    nodeId: env.LIANXIN_NODE_ID ?? `node-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    services: new Set(services.filter((s): s is 'web' | 'worker' => s === 'web' || s === 'worker')),
    logLevel: env.LOG_LEVEL ?? 'info',
    cookieSecure: env.LIANXIN_COOKIE_SECURE === '1',
  };
}
