'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/client/api';

export function useUsersQuery() {
  return useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => api.admin.users({}),
    staleTime: 0,
  });
}

export function useCredentialsQuery(includeRevoked: boolean) {
  return useQuery({
    queryKey: ['admin', 'credentials', includeRevoked],
    queryFn: () => api.admin.credentials({ query: { all: includeRevoked ? '1' : undefined } }),
    staleTime: 0,
  });
}

/** An admin write (one typed `call`); the admin lists refetch after it. */
export function useAdminMutation<I, O>(run: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }) });
}
