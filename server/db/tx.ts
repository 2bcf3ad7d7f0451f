import type { Db } from './client';

/** The client a Prisma interactive transaction hands to its callback. */
export type TTx = Parameters<Extract<Parameters<Db['$transaction']>[0], (...a: never[]) => unknown>>[0];
