// SIGTERM on the real `kg serve`: it stops accepting connections, finishes the request in flight,
// closes the store and exits 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { kgOk, startKg } from '../support/kg.ts';
import { AS_OF, SEED_DIR } from '../support/seed.ts';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-shutdown-'));
  await kgOk(['load', SEED_DIR, '--data-dir', join(dir, 'kg'), '--as-of', AS_OF]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves with the GraphQL URL once `processes` server processes have logged it (each logs it when it listens). */
function listening(stdout: NodeJS.ReadableStream, processes = 1): Promise<URL> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk;
      const urls = [...buffered.matchAll(/"graphqlUrl":"([^"]+)"/g)].map((m) => m[1]!);
      if (urls.length >= processes) {
        stdout.off('data', onData);
        resolve(new URL(urls[0]!));
      }
    };
    stdout.on('data', onData);
    setTimeout(() => reject(new Error('the server never logged its URL')), 30_000);
  });
}

const refused = (url: URL) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

it('SIGTERM finishes the request in flight, refuses new connections, and exits 0', async () => {
  const { child, done } = startKg(['serve', '--data-dir', join(dir, 'kg'), '--port', '0', '--host', '127.0.0.1']);
  const url = await listening(child.stdout!);

  // A request in flight: headers sent, the body still arriving when the signal comes.
  const body = JSON.stringify({ query: '{ stats { papers } }' });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(async () => {
        try {
          expect(await refused(url)).toBe(true);
          req.end(body.slice(10));
        } catch (err) {
          reject(err);
        }
      }, 500);
    }, 300);
  });

  const res = await answer;
  expect(res.status).toBe(200);
  expect(JSON.parse(res.text)).toEqual({ data: { stats: { papers: expect.any(Number) } } });
  const exit = await done;
  expect(exit.code).toBe(0);
  expect(exit.stdout).toMatch(/"msg":"stopped"/);
});

it('--workers 2 serves from two processes on one port, adds up their metrics, and stops both on SIGTERM', async () => {
  const { child, done } = startKg(['serve', '--data-dir', join(dir, 'kg'), '--port', '0', '--host', '127.0.0.1', '--workers', '2']);
  const url = await listening(child.stdout!, 2);
  const requests = 12;
  for (let i = 0; i < requests; i++) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ query: '{ stats { papers } }', variables: { i } }) });
    expect(((await res.json()) as any).data.stats.papers).toBe(244);
  }
  const metrics = await (await fetch(new URL('/metrics', url))).text();
  // Whichever worker answers /metrics reports every worker's requests.
  expect(metrics).toMatch(new RegExp(`kg_graphql_request_duration_seconds_count\\{operation="anonymous",outcome="ok"\\} ${requests}\\n`));
  child.kill('SIGTERM');
  const exit = await done;
  expect(exit.code).toBe(0);
  const pids = new Set([...exit.stdout.matchAll(/"pid":(\d+)[^\n]*"msg":"stopped"/g)].map((m) => m[1]));
  expect(pids.size).toBe(2);
}, 60_000);
