export const BUTTON = 'inline-flex min-h-11 items-center justify-center rounded-lg border border-edge px-3 text-sm font-medium hover:bg-panel disabled:opacity-50';
export const INPUT = 'min-h-11 rounded-lg border border-edge bg-bg px-3 text-sm text-ink';

export function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : 'never';
}
