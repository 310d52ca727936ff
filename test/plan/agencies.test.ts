/** The directory's names for agencies: what officials type reaches the agency. */
import { describe, expect, it } from 'vitest';
import { initialsOf } from '../../src/plan/agencies.ts';
import { loadDirectory } from '../../src/plan/load.ts';
import { canonicalTokens } from '../../src/text/canonical.ts';

describe("a department's initials", () => {
  it('are read as officials type them, where no other agency has them', () => {
    expect(initialsOf('Sở Nông nghiệp và Phát triển nông thôn')).toEqual(['snnptnt', 'so nnptnt', 'snn&ptnt', 'so nn&ptnt', 'snn', 'so nn']);
    expect(initialsOf('UBND huyện Ba Tri')).toEqual([]);
    const dir = loadDirectory();
    for (const typed of ['snn', 'SNN&PTNT', 'sở nn', 'Sở NN&PTNT']) expect(dir.find(canonicalTokens(typed))[0]?.agencies, typed).toEqual(['so-nong-nghiep']);
  });
});

describe('a name typed with a slip', () => {
  it('is found within an edit or two, but never from inside a compound word ("văn bản kế hoạch" is no "Sở KH")', () => {
    const dir = loadDirectory();
    expect(dir.find(canonicalTokens('so tai chin phai lam gi'))[0]).toMatchObject({ agencies: ['so-tai-chinh'], fuzzy: true });
    expect(dir.find(canonicalTokens('ngày ra văn bản kế hoạch 4561'))).toEqual([]);
  });
});
