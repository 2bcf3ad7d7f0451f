/** People's roles, lowest first; each includes what the ones below may do. No zod: screens import this. */
export const ROLES = ['viewer', 'engineer', 'lead', 'admin'] as const;
export type TRole = (typeof ROLES)[number];

export const ROLE_RANK: Record<TRole, number> = { viewer: 0, engineer: 1, lead: 2, admin: 3 };

/** True when `role` is at least `atLeast`; unknown roles are nothing. */
export function roleAtLeast(role: string, atLeast: TRole): boolean {
  return (ROLE_RANK[role as TRole] ?? -1) >= ROLE_RANK[atLeast];
}
