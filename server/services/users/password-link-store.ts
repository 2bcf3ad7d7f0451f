/** A link to choose a password is good for this long, and once. */
export const PASSWORD_LINK_TTL_MS = 24 * 60 * 60_000;
export const IDENTIFIER = 'password-link:';
