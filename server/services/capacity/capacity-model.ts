import type { TCapacityModel } from '../../../lib/api/capacity';
import type { TServiceContext } from '../../context';

export type TCapacityRow = NonNullable<Awaited<ReturnType<TServiceContext['prisma']['capacityModel']['findUnique']>>>;

/** The model as the API answers it. */
export const toCapacityModelDto = (r: TCapacityRow): TCapacityModel => ({
  series: r.series,
  perServer: r.perServer,
  perServerSeries: r.perServerSeries,
  targetUtilization: r.targetUtilization,
  leadMinutes: r.leadMinutes,
  updatedAt: r.updatedAt.toISOString(),
});
