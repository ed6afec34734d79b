// Entity resolution across papers: one canonical node per thing, ids `<type>:<slug>` that do not depend on which
// spelling arrives first when a lexicon entry exists.
import type { EntityLabel, EntityNode } from '../../src/model/graph.ts';
import { nodeId, slugify } from '../../src/model/graph.ts';
import type { ExtractedEntity, GoldType } from '../types.ts';
import { lexicon } from '../extract/index.ts';

export const LABEL_OF: Record<GoldType, EntityLabel> = { method: 'Method', model: 'Model', dataset: 'Benchmark', metric: 'Metric' };

/** Case, spacing and punctuation do not distinguish names: BM-25 = BM25, LLaMA 7B = LLaMA-7B. */
export const matchKey = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

const isAcronym = (s: string) => !/\s/.test(s) && s.length <= 14 && (s.match(/[A-Z]/g)?.length ?? 0) >= 2;

interface Canonical {
  node: EntityNode;
}

export class EntityResolver {
  private readonly byId = new Map<string, Canonical>();
  /** `<label>|<matchKey>` of full names and spelling variants -> id. Acronyms are kept out: they collide. */
  private readonly byKey = new Map<string, string>();
  private readonly dirty = new Set<string>();

  /** The canonical id for one paper's entity, creating or enriching the node. */
  resolve(e: ExtractedEntity): string {
    const lex = lexicon();
    const entry = [e.name, ...e.aliases].map((f) => lex.lookup(f)).find((x) => x && (x.type === e.type || e.type !== 'method'));
    const label = LABEL_OF[entry?.type ?? e.type];
    const variants = [e.name, ...e.aliases.filter((a) => !isAcronym(a) || isAcronym(e.name))];
    let id = entry ? nodeId(label, slugify(entry.name)) : variants.map((v) => this.byKey.get(`${label}|${matchKey(v)}`)).find(Boolean);
    id ??= nodeId(label, slugify(e.name) || matchKey(e.name));
    let c = this.byId.get(id);
    if (!c) {
      c = { node: { id, label, name: entry?.name ?? e.name, aliases: [] } };
      if (label === 'Model') {
        c.node.family = e.family ?? entry?.family ?? null;
        c.node.parameters = e.parameters ?? null;
      }
      this.byId.set(id, c);
      this.dirty.add(id);
    }
    // Aliases keep every distinct spelling (BM-25 beside BM25) so search finds what papers wrote.
    for (const form of [e.name, ...e.aliases]) {
      if (!matchKey(form) || form === c.node.name || c.node.aliases.includes(form)) continue;
      c.node.aliases.push(form);
      this.dirty.add(id);
    }
    for (const v of variants) if (!this.byKey.has(`${label}|${matchKey(v)}`)) this.byKey.set(`${label}|${matchKey(v)}`, id);
    return id;
  }

  /** Nodes created or given new aliases since the last call. */
  takeDirty(): EntityNode[] {
    const out = [...this.dirty].map((id) => ({ ...this.byId.get(id)!.node, aliases: [...this.byId.get(id)!.node.aliases] }));
    this.dirty.clear();
    return out;
  }

  get size(): number {
    return this.byId.size;
  }
}
