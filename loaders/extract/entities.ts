// One paper's entities: mentions merged by matching key, lexicon entry or acronym link; proposed flags applied.
import type { GoldType } from '../types.ts';
import type { LexEntry } from './lexicon.ts';
import type { Mention } from './mentions.ts';
import { norm } from './text.ts';

export interface PaperEntity {
  name: string;
  aliases: string[];
  /** Matching keys of the name and every alias. */
  forms: string[];
  type: GoldType;
  typeKnown: boolean;
  proposed: boolean;
  evidence: string | null;
  family: string | null;
  parameters: string | null;
  lex: LexEntry | null;
  mentions: Mention[];
}

export class EntityTable {
  readonly list: PaperEntity[] = [];
  private readonly byForm = new Map<string, PaperEntity>();
  private readonly byLex = new Map<LexEntry, PaperEntity>();

  find(text: string): PaperEntity | undefined {
    return this.byForm.get(norm(text));
  }

  add(m: Mention, sentence: string): PaperEntity {
    const nameKey = norm(m.name);
    const aliasKey = m.alias ? norm(m.alias) : '';
    let e = (m.lex && this.byLex.get(m.lex)) || (nameKey && this.byForm.get(nameKey)) || (aliasKey && this.byForm.get(aliasKey)) || this.singular(m.name);
    if (!e) {
      e = { name: m.name, aliases: [], forms: [], type: m.type, typeKnown: m.typeKnown, proposed: false, evidence: sentence, family: m.family, parameters: m.parameters, lex: m.lex, mentions: [] };
      this.list.push(e);
    } else if ((m.typeKnown && !e.typeKnown) || (m.type === 'dataset' && m.alias && !e.typeKnown)) {
      e.type = m.type;
      e.typeKnown = m.typeKnown;
    }
    // A definition ("Long Form (LF)") names the entity better than an earlier bare acronym.
    if (m.source === 'acronym' && e.name === m.alias) {
      e.aliases.unshift(e.name);
      e.name = m.name;
    }
    if (nameKey) this.addKeyedForm(e, m.name, nameKey);
    if (aliasKey) this.addKeyedForm(e, m.alias!, aliasKey);
    if (m.lex && !this.byLex.has(m.lex)) this.byLex.set(m.lex, e);
    e.lex ??= m.lex;
    e.family ??= m.family;
    e.parameters ??= m.parameters;
    e.mentions.push(m);
    return e;
  }

  addForm(e: PaperEntity, form: string): void {
    const key = norm(form);
    if (key) this.addKeyedForm(e, form, key);
  }

  private addKeyedForm(e: PaperEntity, form: string, key: string): void {
    if (!e.forms.includes(key)) {
      e.forms.push(key);
      if (norm(e.name) !== key) e.aliases.push(form);
    }
    if (!this.byForm.has(key)) this.byForm.set(key, e);
  }

  /** Folds `from` into `into` (one thing named two ways): forms, aliases, mentions and the proposed flag. */
  merge(into: PaperEntity, from: PaperEntity): void {
    if (into === from) return;
    const at = this.list.indexOf(from);
    if (at >= 0) this.list.splice(at, 1);
    for (const f of [from.name, ...from.aliases]) this.addForm(into, f);
    for (const k of from.forms) this.byForm.set(k, into);
    for (const [lex, e] of this.byLex) if (e === from) this.byLex.set(lex, into);
    if (from.proposed && !into.proposed) {
      into.proposed = true;
      into.evidence = from.evidence;
    }
    into.lex ??= from.lex;
    if (!into.typeKnown && from.typeKnown) {
      into.type = from.type;
      into.typeKnown = true;
    }
    into.mentions.push(...from.mentions);
    into.mentions.sort((a, b) => a.sent - b.sent || a.start - b.start);
  }

  /** Drops an entity that turned out not to be one (a team name, a glued typo). */
  remove(e: PaperEntity): void {
    const at = this.list.indexOf(e);
    if (at >= 0) this.list.splice(at, 1);
    for (const k of e.forms) if (this.byForm.get(k) === e) this.byForm.delete(k);
  }

  /** "MAMs" after "MAM", "BERTs" after "BERT". */
  private singular(name: string): PaperEntity | undefined {
    return /[A-Za-z]s$/.test(name) ? this.byForm.get(norm(name.slice(0, -1))) : undefined;
  }
}
