// CORS for browser clients (dashboards on other origins): origins from config, `*` for any.
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOW_HEADERS = 'content-type, accept, apollo-require-preflight, x-apollo-operation-name, apollo-query-plan-experimental, x-request-id';
// Browser clients may read these: the id to quote in a bug report, when to retry after a 429.
const EXPOSE_HEADERS = 'x-request-id, retry-after';

/** Sets CORS headers; answers a preflight request itself and returns true then. */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: string[]): boolean {
  const origin = req.headers.origin;
  res.setHeader('access-control-expose-headers', EXPOSE_HEADERS);
  if (origins.includes('*')) {
    res.setHeader('access-control-allow-origin', '*');
  } else {
    res.setHeader('vary', 'Origin');
    if (origin && origins.includes(origin)) res.setHeader('access-control-allow-origin', origin);
  }
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', ALLOW_HEADERS);
    res.setHeader('access-control-max-age', '600');
    res.writeHead(204).end();
    return true;
  }
  return false;
}
