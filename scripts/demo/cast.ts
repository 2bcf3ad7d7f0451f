// The demo's people and keys, made the way an admin makes them
// (`npm run warroom -- user add`, `token create`, `ingest-key create`): through
// the same services, never through the HTTP API the replay then uses.
import { ROLE_RANK } from '../../lib/roles';
import { ZNewUser } from '../../lib/api/users';
import type { TScenario, TPerson } from '../../lib/schemas/scenario';
import type { TServiceContext } from '../../server/context';
import { createCredential } from '../../server/services/access/create-credential';
import { ensureRoom } from '../../server/services/rooms/ensure-room';
import { createUser } from '../../server/services/users/create-user';

/** Where `npm run demo` replays unless its scenario names a room. */
const DEMO_ROOM = 'demo';

export interface TCastMember {
  key: string;
  userId: string;
  name: string;
  email: string;
  role: TPerson['role'];
  /** a personal token made for this run; acts as the person */
  token: string;
}

export interface TCast {
  room: { id: string; slug: string };
  ingestKey: string;
  people: Record<string, TCastMember>;
}

const emailOf = (p: TPerson) => (p.email ?? `${p.key}@demo.warroom`).toLowerCase();

/**
 * Finds or adds each person of the scenario (re-running the demo reuses them)
 * and gives each a fresh personal token, plus an ingest key for the room.
 * Secrets are only ever shown once, so every run makes new ones.
 */
export async function prepareCast(opts: { ctx: TServiceContext; scenario: TScenario }): Promise<TCast> {
  const { ctx, scenario } = opts;
  // A scenario names its room; by default the replay has a room of its own, so it never mixes with yours.
  const room = await ensureRoom({ ctx, slug: scenario.room ?? DEMO_ROOM, name: scenario.name });
  const people: Record<string, TCastMember> = {};
  for (const p of scenario.people) {
    const input = ZNewUser.parse({ email: emailOf(p), name: p.name, role: p.role });
    const existing = await ctx.prisma.user.findUnique({ where: { email: input.email } });
    if (existing?.disabled)
      throw new Error(
        `${input.email} is disabled; enable them (npm run warroom -- user enable --email ${input.email}) or change people.${p.key}.email`,
      );
    if (existing && ROLE_RANK[existing.role as TPerson['role']] < ROLE_RANK[p.role]) {
      throw new Error(`${input.email} exists with role ${existing.role}; the scenario needs ${p.role} (people.${p.key})`);
    }
    const user = existing ?? (await createUser({ ctx, input }));
    const token = await createCredential({ ctx, kind: 'token', userId: user.id, name: `demo: ${scenario.name}`.slice(0, 100) });
    people[p.key] = {
      key: p.key,
      userId: user.id,
      name: existing?.name ?? input.name,
      email: input.email,
      role: p.role,
      token: token.secret,
    };
  }
  const ingest = await createCredential({ ctx, kind: 'ingest', roomId: room.id, name: `demo: ${scenario.name}`.slice(0, 100) });
  return { room: { id: room.id, slug: room.slug }, ingestKey: ingest.secret, people };
}
