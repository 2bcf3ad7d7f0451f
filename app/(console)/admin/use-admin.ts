'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCredentialInfo } from '@/lib/api/admin';
import type { TUserInfo } from '@/lib/api/admin';

/** fetch with the session cookie; throws the API's error message. */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    const detail = e?.details?.map((d: { field: string; message: string }) => `${d.field}: ${d.message}`).join('; ');
    throw new Error(detail || e?.message || `request failed (${res.status})`);
  }
  return data as T;
}

export function useUsersQuery() {
  return useQuery({ queryKey: ['admin', 'users'], queryFn: () => call<{ users: TUserInfo[] }>('GET', '/api/v1/admin/users'), staleTime: 0 });
}

export function useCredentialsQuery(includeRevoked: boolean) {
  return useQuery({
    queryKey: ['admin', 'credentials', includeRevoked],
    queryFn: () => call<{ credentials: TCredentialInfo[] }>('GET', `/api/v1/admin/credentials${includeRevoked ? '?all=1' : ''}`),
    staleTime: 0,
  });
}

export function useAdminMutation<I, O>(method: string, path: (input: I) => string, body?: (input: I) => unknown) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => call<O>(method, path(input), body?.(input)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}
