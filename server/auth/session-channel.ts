/**
 * The `cred:` channel name a socket opened with a session cookie joins, so
 * signing out closes that session's sockets (and not the person's others).
 */
export const sessionCredentialId = (sessionId: string) => `session:${sessionId}`;
