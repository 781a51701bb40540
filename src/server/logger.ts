import pino from 'pino';
export const createLogger = (level = process.env.LOG_LEVEL ?? 'info') => pino({ level, base: { app: 'lianxin' } });
