// Reference data: divisions, units, categories, out-of-scope rules (shapes read defensively).
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Category as CategorySchema, ScopeRule as ScopeRuleSchema, Unit as UnitSchema } from '../contract.ts';
import { api, itemsOf } from './client.ts';

export interface Division {
  code: string;
  name: string;
  level?: string | number;
}
export type Unit = z.infer<typeof UnitSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type ScopeRule = z.infer<typeof ScopeRuleSchema>;
export interface UnitRef {
  id: string;
  name: string;
}

export const fetchDivisions = async (parent?: string) =>
  itemsOf<Division>(await api.get<unknown>('/api/v1/divisions', { parent }));

export function useDivisions(parent: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['divisions', parent ?? ''],
    queryFn: () => fetchDivisions(parent),
    enabled,
    staleTime: 30 * 60_000,
  });
}

/** Units matching a search text (server-side), first 50. */
/** `under`: only the units below this one (下派 targets). */
export function useUnits(q = '', enabled = true, under?: string) {
  return useQuery({
    queryKey: ['units', q, under ?? ''],
    queryFn: async () => itemsOf<Unit>(await api.get<unknown>('/api/v1/units', { q: q || undefined, under, pageSize: 50 })),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useCategories(enabled = true) {
  return useQuery({
    queryKey: ['categories'],
    queryFn: async () => itemsOf<Category>(await api.get<unknown>('/api/v1/categories', { flat: true })),
    enabled,
    staleTime: 30 * 60_000,
    retry: false,
  });
}

export function useScopeRules(enabled = true) {
  return useQuery({
    queryKey: ['scope-rules'],
    queryFn: async () => itemsOf<ScopeRule>(await api.get<unknown>('/api/v1/scope-rules')),
    enabled,
    staleTime: 30 * 60_000,
    retry: false,
  });
}
