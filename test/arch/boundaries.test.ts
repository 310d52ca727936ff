/**
 * The house's rules, checked on every `npm test`: no import circle anywhere in src/; nothing below the core reaches
 * up into it; the kernel and the button data know no feature; features use each other only through the tasks'
 * card module; push makes buttons from the button data, never from a feature. See README's layout section.
 */
import { describe, expect, it } from 'vitest';
import { circles, importGraph } from './imports.ts';

const graph = importGraph();
const edges = [...graph].flatMap(([from, tos]) => tos.map((to) => ({ from, to })));
const under = (p: string, ...dirs: string[]) => dirs.some((d) => p === d || p.startsWith(`${d}/`));
const feature = (p: string) => p.match(/^core\/features\/([^/]+)\//)?.[1];

describe('import boundaries of src/', () => {
  it('the graph is read (a broken reader would pass every rule)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('core/kernel/router.ts')).toContain('core/kernel/feature.ts');
  });
  it('has no import circle', () => {
    expect(circles(graph)).toEqual([]);
  });
  it('nothing below the core imports the core or what sits above it', () => {
    const below = ['text', 'plan', 'understand', 'answer', 'report', 'store', 'i18n.ts', 'log.ts', 'config.ts', 'paths.ts', 'fsutil.ts', 'schedule.ts'];
    const above = ['core', 'push', 'channels', 'cli', 'startup', 'main.ts'];
    expect(edges.filter((e) => under(e.from, ...below) && under(e.to, ...above))).toEqual([]);
  });
  it('the kernel and the button data import no feature', () => {
    expect(edges.filter((e) => under(e.from, 'core/kernel', 'core/actions') && under(e.to, 'core/features'))).toEqual([]);
  });
  it('a feature imports another only through the tasks card module', () => {
    const across = edges.filter((e) => feature(e.from) && feature(e.to) && feature(e.from) !== feature(e.to));
    expect(across.filter((e) => e.to !== 'core/features/tasks/card.ts')).toEqual([]);
  });
  it('push makes buttons from the button data, not from a feature', () => {
    expect(edges.filter((e) => under(e.from, 'push') && under(e.to, 'core/features'))).toEqual([]);
  });
});
