// Serialises the walked graph as JSON ({nodes, edges}) or GraphML (Gephi, Cytoscape, yEd).
import type { Writable } from 'node:stream';
import { displayName, type EdgeRow, type GraphStore, type NodeRow } from '../store/port.ts';
import { walkEdges, walkNodes } from './walk.ts';

export type ExportFormat = 'json' | 'graphml';

const write = (out: Writable, text: string) =>
  new Promise<void>((resolve, reject) => (out.write(text, (err) => (err ? reject(err) : resolve()))));

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

const NODE_KEYS = ['label', 'name', 'aliases', 'abstract', 'publishedAt', 'year', 'upvotes', 'authorCount', 'url'] as const;
const EDGE_KEYS = ['type', 'evidence', 'paperId', 'outcome'] as const;

function nodeAttrs(n: NodeRow): Record<(typeof NODE_KEYS)[number], unknown> {
  const any = n as Record<string, unknown>;
  return {
    label: n.label,
    name: displayName(n),
    aliases: Array.isArray(any.aliases) ? (any.aliases as string[]).join('; ') : null,
    abstract: any.abstract,
    publishedAt: any.publishedAt,
    year: any.year,
    upvotes: any.upvotes,
    authorCount: any.authorCount,
    url: any.url,
  };
}

function data(attrs: Record<string, unknown>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `<data key="${k}">${xml(String(v))}</data>`)
    .join('');
}

export async function exportGraph(store: GraphStore, format: ExportFormat, out: Writable): Promise<{ nodes: number; edges: number }> {
  let nodes = 0;
  let edges = 0;
  if (format === 'json') {
    await write(out, '{"nodes":[');
    for await (const page of walkNodes(store)) {
      for (const n of page) await write(out, `${nodes++ ? ',' : ''}\n${JSON.stringify(n)}`);
    }
    await write(out, '\n],"edges":[');
    for await (const page of walkEdges(store)) {
      for (const e of page) await write(out, `${edges++ ? ',' : ''}\n${JSON.stringify(e)}`);
    }
    await write(out, '\n]}\n');
    return { nodes, edges };
  }
  await write(
    out,
    '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n' +
      NODE_KEYS.map((k) => `<key id="${k}" for="node" attr.name="${k}" attr.type="string"/>\n`).join('') +
      EDGE_KEYS.map((k) => `<key id="${k}" for="edge" attr.name="${k}" attr.type="string"/>\n`).join('') +
      '<graph id="kg" edgedefault="directed">\n',
  );
  for await (const page of walkNodes(store)) {
    for (const n of page) {
      nodes++;
      await write(out, `<node id="${xml(n.id)}">${data(nodeAttrs(n))}</node>\n`);
    }
  }
  for await (const page of walkEdges(store)) {
    for (const e of page as EdgeRow[]) {
      await write(
        out,
        `<edge id="e${edges++}" source="${xml(e.source)}" target="${xml(e.target)}">${data({ type: e.type, evidence: e.evidence, paperId: e.paperId, outcome: e.outcome })}</edge>\n`,
      );
    }
  }
  await write(out, '</graph>\n</graphml>\n');
  return { nodes, edges };
}
