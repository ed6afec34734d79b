// CORS for browser clients (dashboards on other origins): origins from config, `*` for any.
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOW_HEADERS = 'content-type, accept, apollo-require-preflight, x-apollo-operation-name, apollo-query-plan-experimental';

/** Sets CORS headers; answers a preflight request itself and returns true then. */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: string[]): boolean {
  const origin = req.headers.origin;
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
