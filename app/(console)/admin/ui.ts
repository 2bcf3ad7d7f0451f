export { BUTTON, INPUT } from '@/app/_ui/controls';

export function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : 'never';
}
