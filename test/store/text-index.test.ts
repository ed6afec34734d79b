// The in-memory full-text index (src/store/memory/search.ts) built in slices, as a serving process
// builds it while it keeps answering: the same index as the one-go build, with pauses in between.
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../src/store/memory/search.ts';

const WORDS = ['sparse', 'attention', 'retrieval', 'cache', 'kernel', 'dense', 'memory', 'ranking'];
const texts = Array.from({ length: 1_200 }, (_, i) => `${WORDS[i % 8]} ${WORDS[(i * 3) % 8]} ${WORDS[(i * 5 + 1) % 8]} doc${i}`);
const docs = texts.map((_, i) => i);
const byIndex = (a: number, b: number) => a < b;

describe('TextIndex.building', () => {
  it('pauses between slices and ends with the index build() makes', () => {
    const steps = TextIndex.building(docs, (i) => texts[i]!);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    expect(pauses).toBe(4);
    const whole = TextIndex.build(docs, (i) => texts[i]!);
    for (const q of ['sparse attention', 'kernel', 'doc7 memory', 'nothing']) {
      expect(step.value.search(q, 10, byIndex)).toEqual(whole.search(q, 10, byIndex));
    }
    expect(whole.search('doc7', 3, byIndex).map((h) => h.node)).toEqual([7]);
  });
});
