// Refusals decided from the HTTP request before Apollo parses anything: bodies over the byte limit,
// batched operations (one request must not carry many), query text over the byte limit.
import type { GraphQLError } from 'graphql';
import { limitError } from './limit-error.ts';
import type { Limits } from './limits.ts';

export interface Refusal {
  status: number;
  error: GraphQLError;
  headers?: Record<string, string>;
}

const BAD_REQUEST = 'BAD_REQUEST';

/** From the declared Content-Length, before reading; `readBody` still enforces the limit on streamed bodies. */
export function bodySizeRefusal(contentLength: string | undefined, limits: Pick<Limits, 'maxBodyBytes'>): Refusal | null {
  const declared = Number(contentLength);
  if (!contentLength || !Number.isFinite(declared) || declared <= limits.maxBodyBytes) return null;
  return tooLargeBody(limits, declared);
}

/** For a body found too large while reading it (its full size is then unknown). */
export function tooLargeBody(limits: Pick<Limits, 'maxBodyBytes'>, size?: number): Refusal {
  const d = { limit: 'bodySize' as const, max: limits.maxBodyBytes, value: size };
  return { status: 413, error: limitError('request body size', d, BAD_REQUEST, 'bytes') };
}

/** The parsed JSON body of a POST, or the `query` search parameter of a GET. */
export function operationRefusal(body: unknown, limits: Pick<Limits, 'maxQueryBytes'>): Refusal | null {
  if (Array.isArray(body)) {
    const d = { limit: 'batch' as const, max: 1, value: body.length };
    return { status: 400, error: limitError('batch size', d, BAD_REQUEST) };
  }
  const query = typeof body === 'string' ? body : (body as { query?: unknown } | null)?.query;
  if (typeof query !== 'string') return null;
  const bytes = Buffer.byteLength(query);
  if (bytes <= limits.maxQueryBytes) return null;
  const d = { limit: 'querySize' as const, max: limits.maxQueryBytes, value: bytes };
  return { status: 413, error: limitError('query size', d, BAD_REQUEST, 'bytes') };
}
