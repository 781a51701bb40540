// Admin API calls (types from the shared contract).
import type { z } from 'zod';
import type {
  AdminUser, Category, FormulasResponse, RatesConfig, RoutingRule, RoutingTestResult, Unit, UnitDetail,
} from '../contract.ts';
import { api, type Query } from '../api/client.ts';
import type { Paged } from '../api/tickets.ts';

export type AdminUserRow = z.infer<typeof AdminUser>;
export type UnitRow = z.infer<typeof Unit>;
export type UnitFull = z.infer<typeof UnitDetail>;
export type CategoryRow = z.infer<typeof Category>;
export type Rule = z.infer<typeof RoutingRule>;
export type RouteResult = z.infer<typeof RoutingTestResult>;
/** Time-limit policy rows (src/contract/sla.ts). */
export interface Policy {
  id: string;
  stage: 'dispatch' | 'sign' | 'reply' | 'return_window' | 'callback' | 'redispatch';
  urgency: string | null;
  requestType: string | null;
  amount: number;
  unit: 'hours' | 'working_days';
  note: string | null;
}
/** Local holiday overrides (src/contract/calendar.ts). */
export interface Override {
  day: string;
  kind: 'workday' | 'holiday';
  note: string | null;
}
export const STAGES = ['dispatch', 'sign', 'reply', 'return_window', 'callback', 'redispatch'] as const;
export type Formulas = z.infer<typeof FormulasResponse>;

const enc = encodeURIComponent;

export const adminApi = {
  units: (q: Query) => api.get<Paged<UnitRow>>('/api/v1/units', q),
  unit: (id: string) => api.get<UnitFull>(`/api/v1/units/${enc(id)}`),
  createUnit: (b: unknown) => api.post<UnitFull>('/api/v1/admin/units', b),
  patchUnit: (id: string, b: unknown) => api.patch<UnitFull>(`/api/v1/admin/units/${enc(id)}`, b),
  users: (q: Query) => api.get<Paged<AdminUserRow>>('/api/v1/admin/users', q),
  createUser: (b: unknown) => api.post<AdminUserRow>('/api/v1/admin/users', b),
  patchUser: (id: string, b: unknown) => api.patch<AdminUserRow>(`/api/v1/admin/users/${enc(id)}`, b),
  setPassword: (id: string, password: string) => api.post<unknown>(`/api/v1/admin/users/${enc(id)}/password`, { password }),
  categories: () => api.get<{ items: CategoryRow[] } | CategoryRow[]>('/api/v1/categories', { flat: true, includeInactive: true }),
  createCategory: (b: unknown) => api.post<CategoryRow>('/api/v1/admin/categories', b),
  patchCategory: (code: string, b: unknown) => api.patch<CategoryRow>(`/api/v1/admin/categories/${enc(code)}`, b),
  rules: (q: Query) => api.get<Paged<Rule>>('/api/v1/admin/routing-rules', q),
  createRule: (b: unknown) => api.post<Rule>('/api/v1/admin/routing-rules', b),
  patchRule: (id: string, b: unknown) => api.patch<Rule>(`/api/v1/admin/routing-rules/${enc(id)}`, b),
  deleteRule: (id: string) => api.del<unknown>(`/api/v1/admin/routing-rules/${enc(id)}`),
  testRoute: (b: { categoryCode?: string | null; divisionCode?: string | null }) => api.post<RouteResult>('/api/v1/routing/test', b),
  policies: (q: Query) => api.get<Paged<Policy>>('/api/v1/admin/time-limit-policies', q),
  createPolicy: (b: unknown) => api.post<Policy>('/api/v1/admin/time-limit-policies', b),
  putPolicy: (id: string, b: unknown) => api.put<Policy>(`/api/v1/admin/time-limit-policies/${enc(id)}`, b),
  deletePolicy: (id: string) => api.del<unknown>(`/api/v1/admin/time-limit-policies/${enc(id)}`),
  overrides: (q: Query) => api.get<Paged<Override>>('/api/v1/admin/holiday-overrides', q),
  calendarCoverage: () => api.get<{ officialFrom: number; officialTo: number; statutoryTo: number }>('/api/v1/calendar/coverage'),
  createOverride: (b: unknown) => api.post<Override>('/api/v1/admin/holiday-overrides', b),
  deleteOverride: (day: string) => api.del<unknown>(`/api/v1/admin/holiday-overrides/${enc(day)}`),
  formulas: () => api.get<Formulas>('/api/v1/reports/formulas'),
  putRates: (b: Partial<z.infer<typeof RatesConfig>>) => api.put<Formulas>('/api/v1/admin/settings/rates', b),
};
