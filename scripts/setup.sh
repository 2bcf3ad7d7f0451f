#!/usr/bin/env bash
# Prepares a Debian machine for Warroom's tests: Chromium (browser tests),
# CJK fonts (万/亿 on screenshots), pdftotext (the report PDF test), PostgreSQL and Redis — started when they
# are installed but down, installed from apt when missing. Idempotent.
# Never touches a database server it did not install, beyond starting it.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  # Not root: sudo without a password prompt, or say in one line what to run.
  if sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="need_root"; fi
fi
need_root() { echo "setup: \"$*\" needs root (something is missing or down); run: sudo bash scripts/setup.sh" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
  $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

say() { echo "setup: $*"; }

# --- Chromium and fonts -------------------------------------------------------
if [ ! -x /usr/bin/chromium ]; then say "installing chromium"; apt_install chromium; fi
# The old headless shell: what most e2e tests drive (half the CPU of the full browser for the same pages).
if [ ! -x /usr/lib/chromium/chromium-headless-shell ]; then say "installing chromium-headless-shell"; apt_install chromium-headless-shell; fi
if ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then say "installing CJK fonts"; apt_install fonts-noto-cjk; fi
# pdftotext: the report test reads the PDF the CLI prints.
if ! command -v pdftotext >/dev/null; then say "installing poppler-utils"; apt_install poppler-utils; fi

# --- nginx (the proxy in front of several processes: scripts/cluster.ts, tests/integration/cluster.test.ts) ---
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then say "installing nginx"; apt_install nginx-light; fi

# --- PostgreSQL -----------------------------------------------------------------
pg_up() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; }
if ! pg_up; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    say "installing postgresql"
    apt_install postgresql postgresql-client
    FRESH_PG=1
  fi
  ver=$(ls /etc/postgresql | sort -V | tail -1)
  if [ "${FRESH_PG:-0}" = 1 ]; then
    # A server this script installed: let local test connections in without a password.
    hba=/etc/postgresql/$ver/main/pg_hba.conf
    $SUDO sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  say "starting postgresql $ver"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$ver" main start || $SUDO pg_ctlcluster "$ver" main start
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || { echo "setup: postgresql did not start" >&2; exit 1; }
fi

# --- Redis ------------------------------------------------------------------------
redis_up() { command -v redis-cli >/dev/null && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }
if ! redis_up; then
  if ! command -v redis-server >/dev/null; then say "installing redis"; apt_install redis-server; fi
  say "starting redis"
  $SUDO mkdir -p /var/lib/redis /var/log/redis
  $SUDO redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/warroom-setup.log
  for _ in $(seq 1 20); do redis_up && break; sleep 0.5; done
  redis_up || { echo "setup: redis did not start" >&2; exit 1; }
fi

say "chromium, nginx, postgresql (127.0.0.1:5432) and redis (127.0.0.1:6379) ready"
