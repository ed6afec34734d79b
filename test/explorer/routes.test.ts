// The explorer's routes over real HTTP: content types, caching, gzip, and that nothing outside its whitelist is served.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPLORER_PATH, handleExplorer } from '../../src/api/explorer/index.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!handleExplorer(req, res)) res.writeHead(418).end('not mine');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((r) => server.close(r)));

describe('explorer routes', () => {
  it('serves the page with a same-origin-only content security policy', async () => {
    const res = await fetch(`${base}${EXPLORER_PATH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    // Every script and stylesheet is local: the page must work behind a firewall.
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    for (const ref of refs) {
      expect(ref.startsWith(`${EXPLORER_PATH}/`)).toBe(true);
      expect((await fetch(`${base}${ref}`)).status).toBe(200);
    }
    expect((await fetch(`${base}${EXPLORER_PATH}/`)).status).toBe(200);
  });

  it('serves the Cytoscape UMD builds from node_modules, gzipped and cacheable for a day', async () => {
    const cy = await fetch(`${base}${EXPLORER_PATH}/vendor/cytoscape.min.js`);
    expect(cy.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(cy.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(cy.headers.get('content-encoding')).toBe('gzip');
    expect(await cy.text()).toMatch(/cytoscape/);
    const dagre = await (await fetch(`${base}${EXPLORER_PATH}/vendor/cytoscape-dagre.js`)).text();
    // cytoscape-dagre 4 bundles dagre itself; no separate dagre script is needed.
    expect(dagre).toContain("cytoscape('layout', 'dagre'");
  });

  it('answers a matching If-None-Match with 304', async () => {
    const first = await fetch(`${base}${EXPLORER_PATH}/main.js`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    const again = await fetch(`${base}${EXPLORER_PATH}/main.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('404s unknown assets, 405s writes, and leaves other paths to the server', async () => {
    expect((await fetch(`${base}${EXPLORER_PATH}/nope.js`)).status).toBe(404);
    expect((await fetch(`${base}${EXPLORER_PATH}/vendor/../index.ts`)).status).toBe(404);
    expect((await fetch(`${base}${EXPLORER_PATH}/%2e%2e/index.ts`)).status).toBe(418);
    expect((await fetch(`${base}${EXPLORER_PATH}`, { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await fetch(`${base}/explorer`)).status).toBe(418);
    expect((await fetch(`${base}/graphql`)).status).toBe(418);
  });
});
