import type { TServiceContext } from '../../context';

// Wired to the drain table and the Probe model when those land (coordinator, at merge).
export async function listDrainedServers(_opts: { ctx: TServiceContext; roomId: string }): Promise<unknown[]> {
  return [];
}

// Wired to the Probe model (state "down") when it lands (coordinator, at merge).
export async function listProbesDown(_opts: { ctx: TServiceContext; roomId: string }): Promise<unknown[]> {
  return [];
}
