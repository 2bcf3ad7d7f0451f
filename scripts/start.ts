// `npm start`: build if needed, then serve (migrations run inside the server's bootstrap).
import { buildIfNeeded } from './build-if-needed';

buildIfNeeded();
(process.env as Record<string, string>).NODE_ENV ??= 'production';
await import('../server/index');
