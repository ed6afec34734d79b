// One paper's entities: mentions merged by matching key, lexicon entry or acronym link; proposed flags applied.
import type { GoldType } from '../types.ts';
import type { LexEntry } from './lexicon.ts';
import type { Mention } from './mentions.ts';
import { isAsciiLetter, norm } from './text.ts';

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
  // A paper names a dozen listed entries or so: parallel arrays searched by identity are cheaper than hashing them.
  private readonly lexes: LexEntry[] = [];
  private readonly lexEntities: PaperEntity[] = [];

  find(text: string): PaperEntity | undefined {
    return this.byForm.get(norm(text));
  }

  findKey(key: string): PaperEntity | undefined {
    return this.byForm.get(key);
  }

  /** `nameKey`: the key of `m.name`, when the caller has it. */
  add(m: Mention, sentence: string, nameKey = norm(m.name)): PaperEntity {
    const aliasKey = m.alias ? norm(m.alias) : '';
    const lexAt = m.lex ? this.lexes.indexOf(m.lex) : -1;
    const named = nameKey ? this.byForm.get(nameKey) : undefined;
    const e = (lexAt >= 0 && this.lexEntities[lexAt]) || named || (aliasKey && this.byForm.get(aliasKey)) || this.singular(m.name, nameKey);
    if (!e) return this.create(m, sentence, nameKey, aliasKey);
    if ((m.typeKnown && !e.typeKnown) || (m.type === 'dataset' && m.alias && !e.typeKnown)) {
      e.type = m.type;
      e.typeKnown = m.typeKnown;
    }
    renameByDefinition(e, m);
    if (nameKey) this.addKeyedForm(e, m.name, nameKey, named !== undefined);
    if (aliasKey) this.addKeyedForm(e, m.alias!, aliasKey);
    if (m.lex && lexAt < 0) this.addLex(m.lex, e);
    e.lex ??= m.lex;
    e.family ??= m.family;
    e.parameters ??= m.parameters;
    e.mentions.push(m);
    return e;
  }

  /** A new entity, born with its name's key and its first mention (arrays made to size rather than grown). */
  private create(m: Mention, sentence: string, nameKey: string, aliasKey: string): PaperEntity {
    const e: PaperEntity = { name: m.name, aliases: [], forms: nameKey ? [nameKey] : [], type: m.type, typeKnown: m.typeKnown, proposed: false, evidence: sentence, family: m.family, parameters: m.parameters, lex: m.lex, mentions: [m] };
    this.list.push(e);
    if (nameKey) this.byForm.set(nameKey, e);
    renameByDefinition(e, m);
    if (aliasKey) this.addKeyedForm(e, m.alias!, aliasKey);
    if (m.lex) this.addLex(m.lex, e);
    return e;
  }

  private addLex(lex: LexEntry, e: PaperEntity): void {
    this.lexes.push(lex);
    this.lexEntities.push(e);
  }

  addForm(e: PaperEntity, form: string, key = norm(form)): void {
    if (key) this.addKeyedForm(e, form, key);
  }

  /** `mapped`: whether some entity already has the key, when the caller just looked. */
  private addKeyedForm(e: PaperEntity, form: string, key: string, mapped = this.byForm.has(key)): void {
    if (!e.forms.includes(key)) {
      e.forms.push(key);
      // A name's key is among the forms (a rename adds it next), so a new key is the name's only when the form is the name.
      if (form !== e.name) e.aliases.push(form);
    }
    if (!mapped) this.byForm.set(key, e);
  }

  /** Folds `from` into `into` (one thing named two ways): forms, aliases, mentions and the proposed flag. */
  merge(into: PaperEntity, from: PaperEntity): void {
    if (into === from) return;
    const at = this.list.indexOf(from);
    if (at >= 0) this.list.splice(at, 1);
    this.addForm(into, from.name);
    for (const f of from.aliases) this.addForm(into, f);
    for (const k of from.forms) this.byForm.set(k, into);
    for (let k = 0; k < this.lexEntities.length; k++) if (this.lexEntities[k] === from) this.lexEntities[k] = into;
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

  /** "MAMs" after "MAM", "BERTs" after "BERT" (`key`: the name's key, which then ends in that s). */
  private singular(name: string, key: string): PaperEntity | undefined {
    const n = name.length;
    return n >= 2 && name.charCodeAt(n - 1) === 115 && isAsciiLetter(name.charCodeAt(n - 2)) ? this.byForm.get(key.slice(0, -1)) : undefined;
  }
}

/** A definition ("Long Form (LF)") names the entity better than an earlier bare acronym. */
function renameByDefinition(e: PaperEntity, m: Mention): void {
  if (m.source === 'acronym' && e.name === m.alias) {
    e.aliases.unshift(e.name);
    e.name = m.name;
  }
}
