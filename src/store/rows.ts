// Turns the property maps both databases return into the port's row types, and picks search snippets.
import { ENTITY_LABELS, NODE_LABELS, type EntityLabel, type NodeLabel } from '../model/graph.ts';
import type { NodeRow } from './port.ts';

type Props = Record<string, unknown>;

/** A property value as text; null stays null. */
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function isNodeLabel(label: unknown): label is NodeLabel {
  return (NODE_LABELS as readonly unknown[]).includes(label);
}

export function isEntityLabel(label: unknown): label is EntityLabel {
  return (ENTITY_LABELS as readonly unknown[]).includes(label);
}

export function toNodeRow(label: NodeLabel, p: Props): NodeRow {
  const id = String(p.id);
  switch (label) {
    case 'Paper':
      return {
        label,
        id,
        key: String(p.key ?? ''),
        title: str(p.title),
        abstract: String(p.abstract ?? ''),
        publishedAt: str(p.publishedAt),
        year: num(p.year),
        authorCount: num(p.authorCount),
        upvotes: num(p.upvotes),
        arxivId: str(p.arxivId),
        url: str(p.url),
        hasCode: p.hasCode === true,
      };
    case 'Concept':
      return { label, id, name: String(p.name ?? ''), description: str(p.description) };
    case 'Organization':
      return { label, id, name: String(p.name ?? '') };
    default:
      return {
        label,
        id,
        name: String(p.name ?? ''),
        aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [],
        family: str(p.family),
        parameters: str(p.parameters),
      };
  }
}

const terms = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]{2,}/g) ?? [];

const SNIPPET_MAX = 240;

/** The sentence of the abstract sharing the most terms with the query, else the abstract's start. */
export function snippetFor(row: NodeRow, query: string): string | null {
  const wanted = new Set(terms(query));
  if (row.label === 'Paper') {
    const sentences = row.abstract.split(/(?<=[.!?])\s+/).filter(Boolean);
    let best = '';
    let bestHits = 0;
    for (const s of sentences) {
      const hits = new Set(terms(s).filter((t) => wanted.has(t))).size;
      if (hits > bestHits) [best, bestHits] = [s, hits];
    }
    const text = best || row.abstract;
    return text ? clip(text) : null;
  }
  if (row.label === 'Concept') return row.description ? clip(row.description) : null;
  if ('aliases' in row && row.aliases.length > 0) {
    const matching = row.aliases.filter((a) => terms(a).some((t) => wanted.has(t)));
    return clip(`also known as ${(matching.length ? matching : row.aliases).join(', ')}`);
  }
  return null;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= SNIPPET_MAX ? flat : `${flat.slice(0, SNIPPET_MAX - 1)}…`;
}
