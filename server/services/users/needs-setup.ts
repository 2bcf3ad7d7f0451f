import type { TServiceContext } from '../../context';

/** True while the install has nobody: /setup is open and the start log points at it. */
export async function needsSetup(opts: { ctx: TServiceContext }): Promise<boolean> {
  return (await opts.ctx.prisma.user.count()) === 0;
}
