import { probeReason } from '../../../lib/format/probe-reason';

/** At most this much of a response body is read; a longer one fails the check. */
const MAX_PROBE_BODY_BYTES = 1024 * 1024;

export interface TCheckSpec {
  url: string;
  method: 'GET' | 'HEAD' | 'POST';
  expectStatus: number[];
  expectText: string | null;
  timeoutMs: number;
}

export interface TCheckResult {
  ok: boolean;
  latencyMs: number;
  status?: number;
  error?: string;
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|EPROTO$|HOSTNAME_MISMATCH)/;

/** Words for why a request failed, from undici's error and its cause. */
function describeFetchError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || e?.cause?.name === 'TimeoutError')
    return probeReason('timeout', String(timeoutMs));
  const code = e?.cause?.code ?? '';
  const causeMsg = e?.cause?.message ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || /getaddrinfo/.test(causeMsg))
    return probeReason('dns', code || causeMsg);
  if (code === 'ECONNREFUSED') return probeReason('refused');
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return probeReason('reset');
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return probeReason('unreachable', code);
  if (TLS_CODES.test(code) || /ssl|tls|certificate/i.test(causeMsg)) return probeReason('tls', code || causeMsg);
  if (/redirect count exceeded/i.test(causeMsg) || /redirect/i.test(e?.message ?? '')) return probeReason('redirects');
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT')
    return probeReason('timeout', String(timeoutMs));
  return probeReason('failed', `${causeMsg || e?.message || String(err)}${code ? ` (${code})` : ''}`);
}

/** Reads at most `max` bytes; says whether there was more. */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<{ text: string; truncated: boolean }> {
  if (!body) return { text: '', truncated: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > max) {
      chunks.push(value.subarray(0, max - size));
      await reader.cancel().catch(() => {});
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    size += value.byteLength;
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

/**
 * One HTTP check with Node's fetch (undici): a deadline over the whole
 * exchange, redirects followed up to undici's limit, the body read to at most
 * 1 MiB. Never throws: every failure is a result with a reason in words.
 */
export async function checkHttp(spec: TCheckSpec, now: () => number = Date.now): Promise<TCheckResult> {
  const started = now();
  const latency = () => Math.max(0, Math.round(now() - started));
  try {
    const res = await fetch(spec.url, {
      method: spec.method,
      redirect: 'follow',
      signal: AbortSignal.timeout(spec.timeoutMs),
      headers: { 'user-agent': 'warroom-probe/1', accept: '*/*' },
      cache: 'no-store',
    });
    const { text, truncated } = spec.method === 'HEAD' ? { text: '', truncated: false } : await readCapped(res.body, MAX_PROBE_BODY_BYTES);
    const latencyMs = latency();
    if (!spec.expectStatus.includes(res.status))
      return { ok: false, latencyMs, status: res.status, error: probeReason('status', String(res.status), spec.expectStatus.join(' or ')) };
    if (truncated) return { ok: false, latencyMs, status: res.status, error: probeReason('tooLarge') };
    if (spec.expectText && !text.includes(spec.expectText))
      return { ok: false, latencyMs, status: res.status, error: probeReason('textMissing', spec.expectText.slice(0, 80)) };
    return { ok: true, latencyMs, status: res.status };
  } catch (err) {
    return { ok: false, latencyMs: latency(), error: describeFetchError(err, spec.timeoutMs) };
  }
}
