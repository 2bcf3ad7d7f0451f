import { ZEditEntry } from '@/lib/schemas/incidents';
import { editEntry } from '@/server/services/incidents/timeline-notes';
import { incidentAction } from '../../../_lib/action';

export const dynamic = 'force-dynamic';

/** Edits a post: a new "edit" entry; the original text stays visible. */
export const PATCH = incidentAction({ schema: ZEditEntry, status: 201, create: true, answer: 'entry', operation: 'PATCH entry', call: (a) => editEntry({ ...a, entryId: a.params.entryId! }) });
