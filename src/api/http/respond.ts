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

export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge(`request body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
