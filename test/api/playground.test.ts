// The playground in a real browser: GraphiQL loads from the server (no CDN), shows the example
// tabs and the schema docs, runs a query against the seed graph; a screenshot lands in test-results/.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, NO_CHROMIUM } from '../support/browser.ts';
import { seedGraph, type SeedGraph } from '../support/seed.ts';
import { startServer, type RunningServer } from '../support/server.ts';

if (!hasChromium) console.warn(`playground test skipped: ${NO_CHROMIUM}`);

let seed: SeedGraph;
let server: RunningServer;
let browser: Browser;

describe.skipIf(!hasChromium)('GraphiQL playground (headless Chromium)', () => {
  beforeAll(async () => {
    seed = await seedGraph();
    server = await startServer(seed.store);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await seed?.close();
  });

  it('loads GraphiQL with the example tabs and docs, and runs the lineage query', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const offsite: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) offsite.push(r.url());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(server.url);
    await page.waitForSelector('.graphiql-container');
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count()).toBe(5);
    expect((await tabs.allTextContents()).join(' ')).toMatch(/Lineage.*Path.*Related.*Search.*Trends/);
    // The documentation explorer is open on the Query type's description.
    await expect.poll(() => page.locator('.graphiql-doc-explorer').textContent()).toMatch(/Query/);

    await tabs.first().click();
    await page.click('.graphiql-execute-button');
    const result = page.locator('.result-window');
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/FlashAttention/);
    expect(await result.textContent()).toMatch(/"evidence"/);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/playground.png' });
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('serves the playground for GET /graphql from a browser, and JSON to API clients', async () => {
    const html = await fetch(server.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('graphiql.min.js');
    const api = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent('{ stats { papers } }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(((await api.json()) as { data: { stats: { papers: number } } }).data.stats.papers).toBe(244);
  });
});
