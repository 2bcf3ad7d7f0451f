'use client';

import { useIncidentsQuery } from '@/lib/client/use-incidents';
import type { TWallIncident } from './incidents-panel';

/**
 * The room's open incidents through the shared live hook
 * (lib/client/use-incidents.ts): one HTTP list with the display link as
 * bearer, then every `incident:changed` push applied to the cache, and a
 * catch-up from the last seen timeline seq after a reconnect.
 */
export function useWallIncidents(slug: string | undefined, displayKey: string | null): TWallIncident[] | undefined {
  return useIncidentsQuery({ room: slug, status: 'open', token: displayKey }).data;
}
