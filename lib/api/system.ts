import { z } from 'zod';
import { endpoint, socketPush } from './contract';

const ZHealth = z.object({ status: z.literal('ok') });
const ZReady = z.object({ status: z.literal('ready') });

export const SYSTEM = {
  health: endpoint({
    method: 'GET',
    path: '/api/v1/health',
    tag: 'system',
    access: 'anyone',
    summary: 'Liveness: 200 while the process serves.',
    response: ZHealth,
  }),
  ready: endpoint({
    method: 'GET',
    path: '/api/v1/ready',
    tag: 'system',
    access: 'anyone',
    summary: 'Readiness: 200 when the database answers, else 503.',
    response: ZReady,
  }),
  openapi: endpoint({
    method: 'GET',
    path: '/api/v1/openapi.json',
    tag: 'system',
    access: 'anyone',
    summary: 'This document: OpenAPI 3.1 of every /api/v1 route, from the schemas that validate them.',
    response: z.object({ openapi: z.string() }).loose(),
  }),
};

/** What the socket carries about the connection itself (lib/api/socket.ts gathers every resource's). */
export const SYSTEM_SOCKET = {
  commands: {},
  pushes: {
    'session:revoked': socketPush({
      summary: 'sent before the server closes a socket whose access was revoked',
      payload: z.object({ reason: z.string() }),
    }),
    'clock:tick': socketPush({
      summary: "the server's clock (epoch ms), on connect and every few seconds: screens age their values by it",
      payload: z.object({ serverTime: z.number() }),
    }),
  },
};
