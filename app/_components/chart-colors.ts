'use client';

import { useEffect, useState } from 'react';

/** Theme colour tokens a chart draws with (app/globals.css `--color-*`). */
export type TChartToken = 'users' | 'online' | 'ink' | 'dim' | 'edge' | 'panel' | 'bg' | 'warn' | 'crit' | 'ok';

const FALLBACK: Record<TChartToken, string> = {
  users: '#4cc2ff',
  online: '#7ee787',
  ink: '#e6edf3',
  dim: '#8b98a5',
  edge: '#243040',
  panel: '#11161d',
  bg: '#070a0e',
  warn: '#d29922',
  crit: '#f85149',
  ok: '#3fb950',
};

/**
 * A token's colour as the page has it now. A canvas cannot use CSS variables,
 * so charts read them when they draw: the printed report's tokens (darker, for
 * white paper: `@media print` in globals.css) then reach its chart too.
 */
export function tokenColor(name: TChartToken): string {
  if (typeof document === 'undefined') return FALLBACK[name];
  return getComputedStyle(document.documentElement).getPropertyValue(`--color-${name}`).trim() || FALLBACK[name];
}

/** `#rrggbb` with an alpha byte (`'1a'`): a line's fill; other colour forms come back unchanged. */
export const withAlpha = (hex: string, a: string) => (/^#[0-9a-f]{6}$/i.test(hex) ? `${hex}${a}` : hex);

const readAll = () =>
  Object.fromEntries((Object.keys(FALLBACK) as TChartToken[]).map((k) => [k, tokenColor(k)])) as Record<TChartToken, string>;

/**
 * Every chart token, read again when the page switches to or from print media
 * (a print preview, the CLI's PDF): pass the result to the chart so it redraws.
 */
export function useChartColors(): Record<TChartToken, string> {
  const [colors, setColors] = useState<Record<TChartToken, string>>(FALLBACK);
  useEffect(() => {
    // A new object only when a colour changed: the charts remake themselves on a new one.
    const onChange = () => {
      const next = readAll();
      setColors((prev) => ((Object.keys(next) as TChartToken[]).every((k) => prev[k] === next[k]) ? prev : next));
    };
    onChange();
    const print = window.matchMedia('print');
    print.addEventListener('change', onChange);
    window.addEventListener('beforeprint', onChange);
    window.addEventListener('afterprint', onChange);
    return () => {
      print.removeEventListener('change', onChange);
      window.removeEventListener('beforeprint', onChange);
      window.removeEventListener('afterprint', onChange);
    };
  }, []);
  return colors;
}
