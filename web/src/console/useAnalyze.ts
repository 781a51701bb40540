// Suggestions while the agent types (text, title, phone, place, address): debounced
// POST /api/v1/nlp/analyze. If the endpoint is not there (404) the console works without them.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AnalyzeResponse } from '../contract.ts';
import { api, ApiError } from '../api/client.ts';

export interface AnalyzeInput {
  title?: string;
  content: string;
  phone?: string;
  divisionCode?: string;
  /** the 详细地址 field as typed: the place is read from it first */
  address?: string;
}

let unavailable = false;

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

export function useAnalyze(input: AnalyzeInput) {
  const debounced = useDebounced(input, 400);
  const content = debounced.content.trim();
  return useQuery({
    queryKey: ['analyze', debounced],
    queryFn: async ({ signal }) => {
      try {
        return await api.post<AnalyzeResponse>('/api/v1/nlp/analyze', {
          content,
          title: debounced.title?.trim() || undefined,
          phone: debounced.phone?.trim() || undefined,
          divisionCode: debounced.divisionCode,
          address: debounced.address?.trim().slice(0, 500) || undefined,
        }, signal);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 501)) {
          unavailable = true;
          return null;
        }
        throw e;
      }
    },
    enabled: !unavailable && [...content].length >= 4,
    staleTime: 60_000,
    retry: false,
    placeholderData: (prev) => prev,
  });
}
