// Every capability's routes, registered in one list. Add a line per capability.
import type { FastifyInstance } from 'fastify';
import type { Deps } from './deps.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { ticketRoutes } from '../tickets/tickets.routes.ts';
import { attachmentRoutes } from '../attachments/attachments.routes.ts';
import { calendarRoutes } from '../calendar/calendar.routes.ts';
import { slaRoutes } from '../sla/sla.routes.ts';
import { jobsRoutes } from '../jobs/jobs.routes.ts';
import { divisionRoutes } from '../divisions/divisions.routes.ts';
import { orgRoutes } from '../orgs/orgs.routes.ts';
import { peopleRoutes } from '../orgs/people.routes.ts';
import { nlpRoutes } from '../nlp/nlp.routes.ts';
import { reportRoutes } from '../reports/reports.routes.ts';
import { open311Routes } from '../open311/open311.routes.ts';

export type RouteModule = (app: FastifyInstance, deps: Deps) => Promise<void> | void;

export const routeModules: RouteModule[] = [authRoutes, ticketRoutes, attachmentRoutes, calendarRoutes, slaRoutes, jobsRoutes, divisionRoutes, orgRoutes, peopleRoutes, nlpRoutes, reportRoutes, open311Routes];
