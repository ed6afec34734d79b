// A RawPaper as the graph's Paper node.
import type { PaperNode } from '../../src/model/graph.ts';
import { nodeId, paperKey } from '../../src/model/graph.ts';
import type { RawPaper } from '../types.ts';

const CODE_LINK = /\b(?:github\.com|gitlab\.com)\b|\b(?:code|implementation|source code)s?\b[^.]{0,40}\b(?:is|are|will be|has been|have been)\s+(?:made\s+)?(?:publicly\s+|freely\s+|open-?source(?:d)?\s+and\s+)?(?:available|released|open-?sourced)/i;

export function paperNode(p: RawPaper): PaperNode {
  const key = paperKey(p.title, p.abstract);
  return {
    id: nodeId('Paper', key),
    key,
    title: p.title,
    abstract: p.abstract,
    publishedAt: p.publishedAt,
    year: p.publishedAt ? Number(p.publishedAt.slice(0, 4)) : null,
    authorCount: p.authorCount,
    upvotes: p.upvotes,
    arxivId: p.arxivId,
    url: p.url,
    hasCode: CODE_LINK.test(p.abstract),
  };
}
