// Session: who is signed in (null when nobody), login, logout, locale.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../contract.ts';
import { api } from './client.ts';

export const ME_KEY = ['auth', 'me'] as const;

export async function fetchMe(): Promise<Me | null> {
  // /auth/session answers 200 with user null when nobody is signed in (no 401 in the console)
  return (await api.get<{ user: Me | null }>('/api/v1/auth/session')).user;
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Me>('/api/v1/auth/login', body),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/v1/auth/logout'),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export const saveLocale = (locale: 'zh' | 'en') => api.put('/api/v1/auth/me/locale', { locale });
