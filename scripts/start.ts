// `npm start`: build if needed, then serve the compiled server (scripts/build-server.ts;
// migrations run inside the server's bootstrap).
// First: colour off when the output is a file or a pipe, for the build's output too.
import '../server/plain-logs';
import { pathToFileURL } from 'node:url';
import { buildIfNeeded, builtServer } from './build-if-needed';

buildIfNeeded();
(process.env as Record<string, string>).NODE_ENV ??= 'production';
await import(pathToFileURL(builtServer()).href);
