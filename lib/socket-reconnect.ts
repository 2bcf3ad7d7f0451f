/**
 * How screens reconnect after the server goes away (a restart, a deploy, a
 * process lost behind the proxy). Each retry waits the delay doubled per
 * attempt, randomised by ±factor, then capped at the max (socket.io-client's
 * backoff): 10,000 walls that dropped at the same instant come back spread
 * over a few seconds instead of in one burst, and none waits more than 5 s
 * after the server is up again (bench/screens.ts measures the storm).
 */
export const SOCKET_RECONNECT = {
  reconnectionDelay: 1000,
  reconnectionDelayMax: 5000,
  randomizationFactor: 0.5,
} as const;
