/**
 * Node flags for the server process. A 10,000-point ingest batch allocates
 * several megabytes of short-lived objects (parsed JSON, validated copies,
 * rows); with V8's default 16 MiB young generation nearly every batch forces
 * scavenges that promote live batch data. 64 MiB semi-spaces let a batch die
 * young: bench/ingest.ts measured about 1.5× the throughput. It must be a
 * process flag (v8.setFlagsFromString at run time did not help), so package.json's
 * start/dev scripts set the same value through NODE_OPTIONS.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
