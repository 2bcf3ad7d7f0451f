import { STATUS } from '@/lib/api/status';
import { endpointRoute } from '@/server/http/route';
import { deleteComponent } from '@/server/services/status/delete-component';
import { updateComponent } from '@/server/services/status/update-component';

export const dynamic = 'force-dynamic';

/** Changes a component (lead+); `"status": null` follows the probe again. */
export const PATCH = endpointRoute(STATUS.updateComponent, async ({ rt, actor, params, body }) =>
  updateComponent({ ctx: rt, actor, slug: params.room, id: params.id, input: await body() }),
);

/** Deletes a component (lead+). */
export const DELETE = endpointRoute(STATUS.removeComponent, async ({ rt, actor, params }) =>
  deleteComponent({ ctx: rt, actor, slug: params.room, id: params.id }),
);
