/**
 * Debian's Chromium, as everything here drives it (tests, the report PDF,
 * benches, icons): Playwright cannot download its own browser on this network,
 * and without these flags Chromium stalls on the closed network at start.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
