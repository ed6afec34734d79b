// Small response helpers for the plain `http` handler.
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const gzipped = new WeakMap<Buffer, Buffer>();

/** A static asset, gzipped when the client accepts it (compressed once, on first request). */
export function sendAsset(
  req: IncomingMessage,
  res: ServerResponse,
  asset: { type: string; body: Buffer },
  cacheControl: string,
): void {
  let body = asset.body;
  const headers: Record<string, string | number> = { 'content-type': asset.type, 'cache-control': cacheControl, vary: 'Accept-Encoding' };
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    let zipped = gzipped.get(asset.body);
    if (!zipped) gzipped.set(asset.body, (zipped = gzipSync(asset.body)));
    body = zipped;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

export class BodyTooLarge extends Error {}

/** The whole request body as text; rejects with BodyTooLarge past `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  // Plain events rather than async iteration: this sits on the hot path of every POST.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge(`request body larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
