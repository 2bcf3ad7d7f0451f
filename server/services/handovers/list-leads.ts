import type { TServiceContext } from '../../context';

/** Active leads and admins, for the handover page's "to" picker (the API takes an email). */
export async function listLeads(opts: { ctx: TServiceContext }): Promise<{ id: string; name: string; email: string }[]> {
  return opts.ctx.prisma.user.findMany({
    where: { disabled: false, role: { in: ['lead', 'admin'] } },
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
  });
}
