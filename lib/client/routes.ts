// Generated from lib/api (API) by `npx tsx scripts/gen-client-routes.ts`: do not edit.
// The method and path of every endpoint, without zod, for the typed client (lib/client/api.ts).
import type { TApi } from '../api';

export const ROUTES = {
  system: {
    health: ['GET', '/api/v1/health'],
    ready: ['GET', '/api/v1/ready'],
    openapi: ['GET', '/api/v1/openapi.json'],
  },
  metrics: {
    ingest: ['POST', '/api/v1/metrics'],
    latest: ['GET', '/api/v1/metrics/latest'],
  },
  incidents: {
    list: ['GET', '/api/v1/incidents'],
    create: ['POST', '/api/v1/incidents'],
    get: ['GET', '/api/v1/incidents/{id}'],
    claim: ['POST', '/api/v1/incidents/{id}/claim'],
    release: ['POST', '/api/v1/incidents/{id}/release'],
    ack: ['POST', '/api/v1/incidents/{id}/ack'],
    updates: ['POST', '/api/v1/incidents/{id}/updates'],
    comments: ['POST', '/api/v1/incidents/{id}/comments'],
    status: ['POST', '/api/v1/incidents/{id}/status'],
    severity: ['POST', '/api/v1/incidents/{id}/severity'],
    handover: ['POST', '/api/v1/incidents/{id}/handover'],
    helpers: ['POST', '/api/v1/incidents/{id}/helpers'],
    escalate: ['POST', '/api/v1/incidents/{id}/escalate'],
    impact: ['POST', '/api/v1/incidents/{id}/impact'],
    links: ['POST', '/api/v1/incidents/{id}/links'],
    addFinding: ['POST', '/api/v1/incidents/{id}/findings'],
    decideFinding: ['POST', '/api/v1/incidents/{id}/findings/{findingId}'],
    decideFindingPatch: ['PATCH', '/api/v1/incidents/{id}/findings/{findingId}'],
    editEntry: ['PATCH', '/api/v1/incidents/{id}/entries/{entryId}'],
  },
  rooms: {
    settings: ['GET', '/api/v1/rooms/{room}/settings'],
    updateSettings: ['PATCH', '/api/v1/rooms/{room}/settings'],
    addMilestone: ['POST', '/api/v1/rooms/{room}/milestones'],
    removeMilestone: ['DELETE', '/api/v1/rooms/{room}/milestones/{id}'],
    addAnnotation: ['POST', '/api/v1/rooms/{room}/annotations'],
    removeAnnotation: ['DELETE', '/api/v1/rooms/{room}/annotations/{id}'],
    setSafetyLine: ['PUT', '/api/v1/rooms/{room}/safety-lines'],
    removeSafetyLine: ['DELETE', '/api/v1/rooms/{room}/safety-lines/{id}'],
  },
  admin: {
    users: ['GET', '/api/v1/admin/users'],
    addUser: ['POST', '/api/v1/admin/users'],
    patchUser: ['PATCH', '/api/v1/admin/users/{id}'],
    passwordLink: ['POST', '/api/v1/admin/users/{id}/password-link'],
    credentials: ['GET', '/api/v1/admin/credentials'],
    issueCredential: ['POST', '/api/v1/admin/credentials'],
    revokeCredential: ['DELETE', '/api/v1/admin/credentials/{id}'],
  },
  setup: {
    setup: ['POST', '/api/v1/setup'],
    redeemPasswordLink: ['POST', '/api/v1/password-links/redeem'],
  },
  servers: {
    list: ['GET', '/api/v1/rooms/{room}/servers'],
    drain: ['POST', '/api/v1/rooms/{room}/servers/{name}/drain'],
    restore: ['POST', '/api/v1/rooms/{room}/servers/{name}/restore'],
  },
  alerts: {
    alertmanager: ['POST', '/api/v1/alerts/alertmanager'],
    generic: ['POST', '/api/v1/alerts'],
  },
  probes: {
    list: ['GET', '/api/v1/rooms/{room}/probes'],
    create: ['POST', '/api/v1/rooms/{room}/probes'],
    update: ['PATCH', '/api/v1/rooms/{room}/probes/{id}'],
    remove: ['DELETE', '/api/v1/rooms/{room}/probes/{id}'],
  },
  rules: {
    list: ['GET', '/api/v1/rooms/{room}/rules'],
    create: ['POST', '/api/v1/rooms/{room}/rules'],
    update: ['PATCH', '/api/v1/rooms/{room}/rules/{id}'],
    remove: ['DELETE', '/api/v1/rooms/{room}/rules/{id}'],
  },
  night: {
    createHandover: ['POST', '/api/v1/rooms/{room}/handovers'],
    listHandovers: ['GET', '/api/v1/rooms/{room}/handovers'],
    previewBrief: ['GET', '/api/v1/rooms/{room}/handovers/brief'],
    acceptHandover: ['POST', '/api/v1/rooms/{room}/handovers/{id}/accept'],
    report: ['GET', '/api/v1/rooms/{room}/report'],
    setPlan: ['PUT', '/api/v1/rooms/{room}/plan'],
    listPlans: ['GET', '/api/v1/rooms/{room}/plan'],
  },
  capacity: {
    get: ['GET', '/api/v1/rooms/{room}/capacity'],
    set: ['PUT', '/api/v1/rooms/{room}/capacity'],
  },
} as const satisfies { [R in keyof TApi]: { [K in keyof TApi[R]]: readonly [string, string] } };
