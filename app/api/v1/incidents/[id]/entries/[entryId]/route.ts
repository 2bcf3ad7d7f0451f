import { INCIDENTS } from '@/lib/api/incidents';
import { editEntry } from '@/server/services/incidents/edit-entry';
import { incidentAction } from '../../../_lib/action';

export const dynamic = 'force-dynamic';

/** Edits a post: a new "edit" entry; the original text stays visible. */
export const PATCH = incidentAction({
  answer: 'entry',
  endpoint: INCIDENTS.editEntry,
  operation: 'PATCH entry',
  call: (a) => editEntry({ ...a, entryId: a.params.entryId! }),
});
