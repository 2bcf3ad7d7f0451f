import type { TServiceContext } from '../../context';

/** Active people who can take part in triage (engineer and above), for owner, helper and lead pickers. */
export async function listPeople(opts: { ctx: TServiceContext }): Promise<{ id: string; name: string; role: string }[]> {
  return opts.ctx.prisma.user.findMany({
    where: { disabled: false, role: { in: ['engineer', 'lead', 'admin'] } },
    select: { id: true, name: true, role: true },
    orderBy: { name: 'asc' },
  });
}
