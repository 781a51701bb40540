// Reference data: divisions, units, categories, out-of-scope rules (shapes read defensively).
import { useQuery } from '@tanstack/react-query';
import { api, itemsOf } from './client.ts';

export interface Division {
  code: string;
  name: string;
  level?: string | number;
}
export interface Unit {
  id: string;
  name: string;
  parentId?: string | null;
  kind?: string;
  divisionCode?: string | null;
}
export interface Category {
  code: string;
  name: string;
  parentCode?: string | null;
  level?: number;
}
export interface ScopeRule {
  code: string;
  name?: string;
  title?: string;
  description?: string;
  target?: string | null;
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

export function useUnits(enabled = true) {
  return useQuery({
    queryKey: ['units'],
    queryFn: async () => itemsOf<Unit>(await api.get<unknown>('/api/v1/units', { pageSize: 200 })),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useCategories(enabled = true) {
  return useQuery({
    queryKey: ['categories'],
    queryFn: async () => itemsOf<Category>(await api.get<unknown>('/api/v1/categories')),
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
