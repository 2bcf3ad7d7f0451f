'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TBodyOf } from '../api/contract';
import type { ROOMS } from '../api/rooms';
import { api } from './api';

/** How often the rooms list refreshes its open incidents and headlines: one cheap query for every room, instead of a socket per room. */
const LIST_REFRESH_MS = 5_000;

/** Every room (archived ones too when asked), with open incidents and headline; kept fresh while shown. */
export function useRoomsQuery(opts: { archived: boolean; live: boolean }) {
  return useQuery({
    queryKey: ['rooms', opts.archived],
    queryFn: () => api.rooms.list({ query: { archived: opts.archived ? '1' : undefined } }),
    staleTime: opts.live ? 0 : 60_000,
    refetchInterval: opts.live ? LIST_REFRESH_MS : false,
  });
}

/** An admin's create, archive or restore; every rooms list (the page's and the switcher's) refetches after it. */
export function useRoomsMutations() {
  const qc = useQueryClient();
  const done = { onSuccess: () => qc.invalidateQueries({ queryKey: ['rooms'] }) };
  const create = useMutation({
    mutationFn: (body: TBodyOf<typeof ROOMS.create>) => api.rooms.create({ body }),
    ...done,
  });
  const setArchived = useMutation({
    mutationFn: (i: { slug: string; archived: boolean }) => api.rooms.update({ params: { room: i.slug }, body: { archived: i.archived } }),
    ...done,
  });
  return { create, setArchived };
}
