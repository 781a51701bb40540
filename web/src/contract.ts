// The one contract shared with the server: the web app imports zod schemas and types from here only.
// (Only src/contract/* — zod and plain data, never server code.)
export * from '../../src/contract/enums.ts';
export * from '../../src/contract/common.ts';
export * from '../../src/contract/auth.ts';
export * from '../../src/contract/tickets.ts';
export * from '../../src/contract/divisions.ts';
export * from '../../src/contract/orgs.ts';
export * from '../../src/contract/nlp.ts';
export * from '../../src/contract/reports.ts';
export { Notification, NOTIFICATION_KINDS } from '../../src/contract/sla.ts';
