// Writes a refusal as a GraphQL-style error body, so clients parse every refusal the same way.
import type { ServerResponse } from 'node:http';
import { countError } from '../observability/metrics.ts';
import { REQUEST_ID_HEADER } from '../observability/request-id.ts';
import type { Refusal } from './request-guard.ts';

export function sendRefusal(res: ServerResponse, { status, error, headers = {} }: Refusal): void {
  const requestId = res.getHeader(REQUEST_ID_HEADER);
  const extensions: Record<string, unknown> = { ...error.extensions, ...(requestId ? { requestId: String(requestId) } : {}) };
  countError(String(extensions.code));
  const text = JSON.stringify({ errors: [{ message: error.message, extensions }] });
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
