// Synthetic corpus for benchmarks: realistic listing pages in the three Hugging Face layouts,
// built from the extraction lexicons and sentence templates, deterministic for a given --seed.
// usage: npm run bench:corpus -- --papers 100000 [--out bench-out/corpus] [--per-file 2000] [--seed 1]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '100000' },
    out: { type: 'string', default: 'bench-out/corpus' },
    'per-file': { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
  },
});
const papers = Number(values.papers);
const perFile = Number(values['per-file']);
if (!Number.isInteger(papers) || papers < 1 || !Number.isInteger(perFile) || perFile < 1) {
  console.error('--papers and --per-file take positive integers');
  process.exit(2);
}

// mulberry32: small, fast and reproducible.
let state = Number(values.seed) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const pickN = <T>(xs: readonly T[], n: number): T[] => Array.from({ length: n }, () => pick(xs));

const LEXICONS = new URL('../loaders/extract/lexicons/', import.meta.url);
const lexicon = (file: string) => JSON.parse(readFileSync(new URL(file, LEXICONS), 'utf8'));
const firstName = (entry: string | { names: string }) => (typeof entry === 'string' ? entry : entry.names).split('|')[0]!;

const methods: string[] = lexicon('methods.json').entries.map(firstName);
const datasets: string[] = lexicon('datasets.json').entries.map(firstName);
const metrics: string[] = lexicon('metrics.json').entries.map(firstName);
const models: string[] = (lexicon('models.json').families as { names?: string[] }[])
  .flatMap((f) => (f.names ?? []).map(firstName))
  .concat(['Llama-3.1-8B', 'Mistral-7B', 'Qwen2.5-7B-Instruct', 'LLaMA-2-13B', 'GPT-4o', 'Gemma-2-9B']);
const concepts: string[] = (lexicon('concepts.json').concepts as { triggers: string[] }[]).map((c) => c.triggers[0]!);

// Novel method names: pronounceable stems + a technique head, unique per paper index.
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ven', 'tor', 'qui', 'zen', 'pha', 'dri', 'sol', 'nex', 'vor', 'lum', 'tes', 'gar'];
const HEADS = ['Attention', 'Former', 'Retriever', 'Cache', 'Ranker', 'KV', 'Router', 'Encoder'];
function novelName(i: number): { name: string; acronym: string; full: string } {
  let stem = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) stem += SYLLABLES[n % SYLLABLES.length];
  const head = HEADS[i % HEADS.length]!;
  const name = stem[0]!.toUpperCase() + stem.slice(1) + head;
  const words = [stem[0]!.toUpperCase() + stem.slice(1), 'Adaptive', head];
  return { name, acronym: words.map((w) => w[0]).join('').toUpperCase(), full: words.join(' ') };
}

const OPENERS = [
  'Large language models struggle with long inputs because the cost of attention grows quadratically with sequence length.',
  'Retrieval systems must balance effectiveness and efficiency when ranking millions of documents.',
  'The memory footprint of the key-value cache limits the context length that can be served in practice.',
  'Dense retrievers have become the default first stage of modern search pipelines.',
  'Efficient attention remains a central problem for scaling transformers to long documents.',
];
const FILLERS = [
  'Our analysis shows that most attention heads concentrate on a small set of tokens.',
  'We further provide a theoretical analysis of the approximation error.',
  'The approach requires no additional training and is easy to deploy.',
  'Ablation studies confirm the contribution of each component.',
  'Code and models will be released to foster future research.',
];

function abstractFor(i: number): { title: string; abstract: string } {
  const { name, acronym, full } = novelName(i);
  const concept = pick(concepts);
  const [base1, base2] = pickN(methods, 2);
  const [d1, d2, d3] = pickN(datasets, 3);
  const [m1, m2] = pickN(methods, 2);
  const sentences = [
    pick(OPENERS),
    `In this paper, we propose ${full} (${acronym}), a novel ${concept} method that builds on ${base1} and ${base2}.`,
    pick(FILLERS),
    `${acronym} is applied to ${pick(models)} and ${pick(models)} without retraining.`,
    `Experiments on ${d1}, ${d2} and ${d3} show that ${acronym} outperforms ${m1} and ${m2} in ${pick(metrics)}.`,
    pick(FILLERS),
  ];
  return { title: `${name}: ${full} for ${concept}`, abstract: sentences.join(' ') };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function metadata(): string {
  const date = `${pick(MONTHS)} ${1 + Math.floor(random() * 28)}, ${2019 + Math.floor(random() * 7)}`;
  const upvotes = random() < 0.4 ? ` ${1 + Math.floor(random() * 200)}` : '';
  return `  • ${1 + Math.floor(random() * 12)} authors\n·\n${date}${upvotes}\n`;
}

/** Layout a: Daily Papers with metadata; b: blank-separated; c: alternating lines, first title glued to "Subscribe". */
function page(layout: number, entries: { title: string; abstract: string }[]): string {
  if (layout === 0) {
    const head = 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\n';
    return head + entries.map((e) => `${e.title}\n\n${e.abstract}\n\n${metadata()}`).join('\n');
  }
  if (layout === 1) return entries.map((e) => `${e.title}\n\n${e.abstract}\n`).join('\n');
  return `Subscribe${entries.map((e) => `${e.title}\n${e.abstract}`).join('\n')}\n`;
}

rmSync(values.out, { recursive: true, force: true });
mkdirSync(values.out, { recursive: true });
let files = 0;
for (let start = 0; start < papers; start += perFile) {
  const entries = Array.from({ length: Math.min(perFile, papers - start) }, (_, k) => abstractFor(start + k));
  writeFileSync(join(values.out, `listing-${String(files).padStart(5, '0')}.txt`), page(files % 3, entries));
  files++;
}
console.log(`wrote ${papers} papers in ${files} listing files to ${values.out}`);
