// Entity resolution across papers: one canonical node per thing, ids `<type>:<slug>` that do not depend on which
// spelling arrives first when a lexicon entry exists.
import type { EntityLabel, EntityNode } from '../../src/model/graph.ts';
import { lowerAlnum, nodeId, slugify } from '../../src/model/graph.ts';
import type { ExtractedEntity, GoldType } from '../types.ts';
import { lexicon } from '../extract/index.ts';
import type { LexEntry } from '../extract/lexicon.ts';

export const LABEL_OF: Record<GoldType, EntityLabel> = { method: 'Method', model: 'Model', dataset: 'Benchmark', metric: 'Metric' };

const ASCII = /^[\x00-\x7f]*$/;

/** Case, spacing and punctuation do not distinguish names: BM-25 = BM25, LLaMA 7B = LLaMA-7B. */
export function matchKey(s: string): string {
  // NFKD leaves ASCII as it is, and most names are ASCII: this runs for every mention.
  return lowerAlnum(ASCII.test(s) ? s : s.normalize('NFKD'));
}

/** Bounds the resolved-signature memo; clearing it only costs re-resolving. */
const RESOLVED_LIMIT = 200_000;

const isAcronym = (s: string) => !/\s/.test(s) && s.length <= 14 && (s.match(/[A-Z]/g)?.length ?? 0) >= 2;

interface Canonical {
  node: EntityNode;
  /** The node's name and aliases, for a constant-time "already listed" test. */
  forms: Set<string>;
}

export class EntityResolver {
  private readonly byId = new Map<string, Canonical>();
  /** `<label>|<matchKey>` of full names and spelling variants -> id. Acronyms are kept out: they collide. */
  private readonly byKey = new Map<string, string>();
  private readonly dirty = new Set<string>();
  /** Lexicon lookups by form: the lexicon is fixed for the process, and forms recur. */
  private readonly entries = new Map<string, LexEntry | undefined>();
  /**
   * Nodes by (type, name, aliases) already resolved. Resolving the same spellings again is a no-op
   * that returns the same node: the first call created it, listed every form as an alias and
   * keyed every variant to its id (keys are never re-pointed). Most mentions repeat.
   */
  private readonly resolved = new Map<string, EntityNode>();

  /** The canonical node for one paper's entity, creating or enriching it. */
  resolveNode(e: ExtractedEntity): EntityNode {
    const signature = e.aliases.length ? `${e.type}\u0001${e.name}\u0001${e.aliases.join('\u0001')}` : `${e.type}\u0001${e.name}`;
    let node = this.resolved.get(signature);
    if (node === undefined) {
      if (this.resolved.size >= RESOLVED_LIMIT) this.resolved.clear();
      this.resolved.set(signature, (node = this.byId.get(this.resolveNew(e))!.node));
    }
    return node;
  }

  private resolveNew(e: ExtractedEntity): string {
    const entry = [e.name, ...e.aliases].map((f) => this.lookup(f)).find((x) => x && (x.type === e.type || e.type !== 'method'));
    const label = LABEL_OF[entry?.type ?? e.type];
    const variants = [e.name, ...e.aliases.filter((a) => !isAcronym(a) || isAcronym(e.name))];
    let id = entry ? nodeId(label, slugify(entry.name)) : variants.map((v) => this.byKey.get(`${label}|${matchKey(v)}`)).find(Boolean);
    id ??= nodeId(label, slugify(e.name) || matchKey(e.name));
    let c = this.byId.get(id);
    if (!c) {
      const name = entry?.name ?? e.name;
      c = { node: { id, label, name, aliases: [] }, forms: new Set([name]) };
      if (label === 'Model') {
        c.node.family = e.family ?? entry?.family ?? null;
        c.node.parameters = e.parameters ?? null;
      }
      this.byId.set(id, c);
      this.dirty.add(id);
    }
    // Aliases keep every distinct spelling (BM-25 beside BM25) so search finds what papers wrote.
    for (const form of [e.name, ...e.aliases]) {
      if (c.forms.has(form) || !matchKey(form)) continue;
      c.forms.add(form);
      c.node.aliases.push(form);
      this.dirty.add(id);
    }
    for (const v of variants) {
      const key = `${label}|${matchKey(v)}`;
      if (!this.byKey.has(key)) this.byKey.set(key, id);
    }
    return id;
  }

  /** Nodes created or given new aliases since the last call. */
  takeDirty(): EntityNode[] {
    const out = [...this.dirty].map((id) => ({ ...this.byId.get(id)!.node, aliases: [...this.byId.get(id)!.node.aliases] }));
    this.dirty.clear();
    return out;
  }

  private lookup(form: string): LexEntry | undefined {
    if (this.entries.has(form)) return this.entries.get(form);
    const entry = lexicon().lookup(form);
    this.entries.set(form, entry);
    return entry;
  }

  get size(): number {
    return this.byId.size;
  }
}
