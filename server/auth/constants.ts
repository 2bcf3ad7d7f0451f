/** Header server/index.ts sets from the TCP peer (overwriting any client value), so per-address limits cannot be dodged. */
export const CLIENT_IP_HEADER = 'x-warroom-client-ip';
export const AUTH_BASE_PATH = '/api/auth';
