// Per-client request rate limit: a fixed one-minute window per IP address, so the refusal can say
// how many requests the client made. Off when the limit is 0.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { limitError } from './limit-error.ts';
import { sendRefusal } from './refuse.ts';

const WINDOW_MS = 60_000;

interface Window {
  start: number;
  count: number;
}

export type Verdict = { ok: true } | { ok: false; count: number; retryAfterSeconds: number };

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Counts one request from `client`. */
  take(client: string): Verdict {
    const now = this.now();
    this.sweep(now);
    let w = this.windows.get(client);
    if (!w || now - w.start >= WINDOW_MS) this.windows.set(client, (w = { start: now, count: 0 }));
    w.count++;
    if (w.count <= this.perMinute) return { ok: true };
    return { ok: false, count: w.count, retryAfterSeconds: Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)) };
  }

  /** Forgets clients whose window has ended, so memory follows the clients of the last minute. */
  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [client, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(client);
  }
}

/**
 * Http middleware: answers 429 with Retry-After and a GraphQL-style error once a client IP
 * exceeds `perMinute`; returns true when it answered. Keyed on the socket address: behind a
 * reverse proxy every client shares the proxy's address.
 */
export function rateLimit(perMinute: number, now?: () => number): (req: IncomingMessage, res: ServerResponse) => boolean {
  if (perMinute <= 0) return () => false;
  const limiter = new RateLimiter(perMinute, now);
  return (req, res) => {
    const verdict = limiter.take(req.socket.remoteAddress ?? 'unknown');
    if (verdict.ok) return false;
    const d = { limit: 'rate' as const, max: perMinute, value: verdict.count };
    const error = limitError('request rate', d, 'RATE_LIMITED', 'requests per minute');
    error.extensions.retryAfterSeconds = verdict.retryAfterSeconds;
    sendRefusal(res, { status: 429, error, headers: { 'retry-after': String(verdict.retryAfterSeconds) } });
    return true;
  };
}
