/**
 * Runs Debian's nginx as an unprivileged-port reverse proxy in front of
 * several Warroom processes: the config docs/deploy.md shows, written into a
 * throwaway directory, nginx in the foreground (no daemon, no system files).
 * Used by scripts/cluster.ts and tests/integration/cluster.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port';

const NGINX_PATHS = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'];

/** The nginx binary, or null when it is not installed (scripts/setup.sh installs it). */
export function findNginx(): string | null {
  return NGINX_PATHS.find((p) => existsSync(p)) ?? null;
}

/** The http block's Warroom part: WebSocket upgrades, forwarded addresses, long-lived sockets. */
function nginxSiteConfig(o: { listen: string; upstreams: string[] }): string {
  return `map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      close;
  }
  upstream warroom {
    # Screens use the WebSocket transport only, so a socket needs no sticky
    # session: spread by open connections. (Use ip_hash if you enable polling.)
    least_conn;
${o.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n')}
  }
  upstream warroom_ingest {
    # One producer's batches (one ingest key) to one process: alert rules keep
    # their for/recover windows in the process that evaluates the points.
    hash $http_authorization consistent;
${o.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n')}
  }
  server {
    listen ${o.listen};
    client_max_body_size 8m;
    location = /api/v1/metrics {
      proxy_pass http://warroom_ingest;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout;
    }
    location / {
      proxy_pass http://warroom;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout;
      # A wall's socket lives for days; socket.io's own pings keep it busy every 10 s.
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      proxy_buffering off;
    }
  }`;
}

export interface TNginx {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** Starts nginx on a free loopback port in front of `upstreams` (host:port). */
export async function startNginx(upstreams: string[], opts: { port?: number } = {}): Promise<TNginx> {
  const bin = findNginx();
  if (!bin) throw new Error('nginx is not installed (bash scripts/setup.sh installs it)');
  const port = opts.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'warroom-nginx-'));
  mkdirSync(join(dir, 'tmp'));
  const root = process.getuid?.() === 0;
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${root ? `user ${userInfo().username};\n` : ''}worker_processes 1;
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 16384; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  ${nginxSiteConfig({ listen: `127.0.0.1:${port}`, upstreams })}
}
`,
  );
  const proc: ChildProcess = spawn(bin, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => {
    err += c.toString();
  });
  // Ready when the port accepts connections (bounded).
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`nginx exited: ${err}${readLog(dir)}`);
    if (await accepts(port)) break;
    if (Date.now() > deadline) throw new Error(`nginx did not listen in 10 s: ${err}${readLog(dir)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (proc.exitCode === null) {
        await new Promise<void>((r) => {
          proc.once('exit', () => r());
          proc.kill('SIGQUIT');
          setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'error.log'), 'utf8');
  } catch {
    return '';
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
