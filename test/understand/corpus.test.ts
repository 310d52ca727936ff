/**
 * The frozen test split of the labelled corpus (data/language/corpus/test.jsonl: written before any tuning, never
 * tuned on), scored through the engine as users see it. The floor sits a little under the score measured when it was
 * set, so that understanding can only get better; the target for the split is 95 %.
 */
import { describe, expect, it } from 'vitest';
import { scoreSplit } from '../corpus/score.ts';

/**
 * Measured 69.6 % (279/401) when the split was frozen, 74.6 % (299/401) at the end of the round after, 83.5 % (335/401)
 * at the end of the next, 85.5 % (343/401) two rounds later, 87.8 % (352/401) the round after, 89.0 % (357/401) the
 * round after that, 89.8 % (360/401) the next, 90.5 % (363/401) the one after, 90.8 % (364/401) the next, 91.0 %
 * (365/401) the next, 92.5 % (371/401) the next, 93.5 % (375/401) the next, 96.3 % (386/401) at the end of the next
 * (never tuned on: only its score was looked at).
 */
const FLOOR = 0.955;

describe('understanding on questions it was not tuned on', () => {
  it(`the frozen test split scores at least ${FLOOR * 100} %`, () => {
    const { pass, total, results } = scoreSplit('test');
    expect(total).toBeGreaterThanOrEqual(400);
    // Every question gets a reply with text, whatever it scores.
    expect(results.every((r) => r.reply.trim().length > 0)).toBe(true);
    expect(pass / total).toBeGreaterThanOrEqual(FLOOR);
  });
});
