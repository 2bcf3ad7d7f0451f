'use client';

import { useEffect } from 'react';

/** After a failed fetch of the faces (a network blip as a wall loads): again in 5 s, 10 s, … at most every 5 min. */
const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 300_000;

/**
 * Registers the Chinese webfont's faces (cjk-font.generated.css) once the page
 * has hydrated, then says so on `<html data-cjk-fonts="ready">` for whoever
 * must wait for Chinese glyphs (the report's PDF, tests of a browser with no
 * CJK font). In the page's own stylesheet, its 182 faces were 60 kB of
 * gzipped CSS that held the first paint of every page, in any language, on a
 * slow link. Until they arrive text is drawn with the system's fonts, as
 * font-display: swap already did while a slice downloaded; a machine with
 * Noto Sans CJK SC installed downloads no slice either way.
 */
export function CjkFonts() {
  useEffect(() => {
    let alive = true;
    let wait = FIRST_RETRY_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      import('./cjk-font-faces').then(
        () => {
          document.documentElement.dataset.cjkFonts = 'ready';
        },
        () => {
          if (!alive) return;
          timer = setTimeout(load, wait);
          wait = Math.min(wait * 2, LAST_RETRY_MS);
        },
      );
    };
    load();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, []);
  return null;
}
