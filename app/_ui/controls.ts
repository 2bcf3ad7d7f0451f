/**
 * The shared look, named once. The classes are Tailwind utilities defined in
 * app/globals.css (@utility btn, btn-primary, field, sev-SEV1…), so every
 * screen's buttons, fields and severity badges look the same.
 */
import type { TSeverity } from '@/lib/incidents';

export const BUTTON = 'btn';
export const PRIMARY = 'btn-primary';
export const INPUT = 'field';
export const PANEL = 'rounded-lg border border-edge bg-panel';

/** Background and text colour of a severity's badge. Written out in full so Tailwind sees each class. */
export const SEVERITY_CLASS: Record<TSeverity, string> = { SEV1: 'sev-SEV1', SEV2: 'sev-SEV2', SEV3: 'sev-SEV3', SEV4: 'sev-SEV4' };
