// One extraction worker: chunks of papers in, their extractions out, tagged with the chunk's sequence number.
import { parentPort } from 'node:worker_threads';
import { extractPaper } from '../extract/index.ts';
import { encodeExtraction, type ChunkRequest, type ChunkResult } from './protocol.ts';

const port = parentPort!;
port.on('message', (m: ChunkRequest) => {
  let reply: ChunkResult;
  try {
    reply = { seq: m.seq, extractions: m.papers.map((p) => encodeExtraction(extractPaper(p))) };
  } catch (err) {
    reply = { seq: m.seq, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});
