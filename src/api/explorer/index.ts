// Serves the lineage explorer: GET /explore (the page), /explore/<asset> (its plain ES modules and CSS)
// and /explore/vendor/<file> (Cytoscape.js UMD builds from node_modules), so it works offline with no build step.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendAsset } from '../http/respond.ts';

export const EXPLORER_PATH = '/explore';

const PAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'page');

const require = createRequire(import.meta.url);
// cytoscape-dagre 4 bundles dagre into its UMD file and registers itself on window.cytoscape.
const VENDOR_FILES: Record<string, string> = {
  'cytoscape.min.js': require.resolve('cytoscape/dist/cytoscape.min.js'),
  'cytoscape-dagre.js': require.resolve('cytoscape-dagre'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

// Everything is same-origin; inline styles are set by Cytoscape on its own elements.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'";

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

function asset(file: string, cacheControl: string): Asset {
  const body = readFileSync(file);
  // Weak: the same tag covers the gzipped and the plain body.
  const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
  return { body, type: TYPES[extname(file)] ?? 'application/octet-stream', etag, cacheControl };
}

let assets: Map<string, Asset> | undefined;

/** Read once on first request: a fixed whitelist, so no request path ever reaches the file system. */
function loadAssets(): Map<string, Asset> {
  if (assets) return assets;
  assets = new Map();
  // Page files change with the project: revalidate each time (cheap 304 via ETag).
  for (const name of readdirSync(PAGE_DIR).filter((f) => extname(f) in TYPES)) {
    const a = asset(join(PAGE_DIR, name), 'no-cache');
    assets.set(name === 'index.html' ? EXPLORER_PATH : `${EXPLORER_PATH}/${name}`, a);
  }
  // Vendor files only change with `npm ci`: let the browser keep them for a day.
  for (const [name, file] of Object.entries(VENDOR_FILES)) {
    assets.set(`${EXPLORER_PATH}/vendor/${name}`, asset(file, 'public, max-age=86400'));
  }
  return assets;
}

/**
 * Handles GET/HEAD for the explorer's paths (mount as the server's `{ path: EXPLORER_PATH, handler }`
 * route); returns false, touching nothing, for any other request.
 */
export function handleExplorer(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = new URL(req.url ?? '/', 'http://local').pathname;
  if (pathname !== EXPLORER_PATH && !pathname.startsWith(`${EXPLORER_PATH}/`)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return true;
  }
  const found = loadAssets().get(pathname === `${EXPLORER_PATH}/` ? EXPLORER_PATH : pathname);
  if (!found) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return true;
  }
  res.setHeader('etag', found.etag);
  res.setHeader('x-content-type-options', 'nosniff');
  if (found.type.startsWith('text/html')) res.setHeader('content-security-policy', CSP);
  if (req.headers['if-none-match'] === found.etag) {
    res.writeHead(304, { 'cache-control': found.cacheControl }).end();
    return true;
  }
  sendAsset(req, res, found, found.cacheControl);
  return true;
}
