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
