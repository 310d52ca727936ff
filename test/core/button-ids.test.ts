/**
 * Golden: every form of button id that can already sit in officials' chats (Telegram buttons) and in stored Zalo
 * menus reaches the same feature and action, whatever the code's layout. A change that breaks one breaks old
 * buttons in the field: add forms here, never edit the ones below.
 */
import { describe, expect, it } from 'vitest';
import { harness } from './harness.ts';

const GOLDEN: [id: string, feature: string, tag: string][] = [
  ['a:ok:o-1', 'admin', 'a'],
  ['a:no:o-1', 'admin', 'a'],
  ['a:rv:o-12', 'admin', 'a'],
  ['x', 'account', 'x'],
  ['f:c-17', 'evidence', 'f'],
  ['fv:f12', 'evidence', 'fv'],
  ['p', 'questions', 'p'],
  ['r:so-tai-chinh', 'registration', 'r'],
  ['pa:k3f9a1:1', 'plans', 'pa'],
  ['pa:k3f9a1:0', 'plans', 'pa'],
  ['pp:abc123', 'plans', 'pp'],
  ['pd:abc123', 'plans', 'pd'],
  ['e:I.4:0', 'extensions', 'e'],
  ['ed:e12:ok', 'extensions', 'ed'],
  ['ed:e12:no', 'extensions', 'ed'],
  ['t:I.4', 'ticking', 't'],
  ['t:I.4:0', 'ticking', 't'],
  ['t:II.6b:-:l', 'ticking', 't'],
  ['c:I.4:0:-:a', 'ticking', 'c'],
  ['c:II.6b:1:20191231:l', 'ticking', 'c'],
  ['n:I.4:0:-:a', 'ticking', 'n'],
  ['k:I.4:0:-:l', 'ticking', 'k'],
  ['u:c-17', 'ticking', 'u'],
  ['u:c-17:l', 'ticking', 'u'],
  ['g:I.4:0:a', 'ticking', 'g'],
  ['v:I.4', 'ticking', 'v'],
  // Buttons of a plan among several carry its key.
  ['k3f9~t:I.4:0', 'ticking', 't'],
  ['k3f9~c:I.4:0:-:a', 'ticking', 'c'],
  ['k3f9~e:I.4:0', 'extensions', 'e'],
];

describe('button ids already in the field', () => {
  it('each reaches the feature and action it reached when it was sent', async () => {
    const { core } = await harness();
    for (const [id, feature, tag] of GOLDEN) {
      const r = core.route(id);
      expect(r ? [r.feature, r.tag] : undefined, id).toEqual([feature, tag]);
      if (id.includes('~')) expect(r?.key, id).toBe(id.split('~')[0]);
    }
  });
  it('a malformed or unknown id reaches nothing', async () => {
    const { core } = await harness();
    for (const id of ['', 'zz:1', 't:', 't:I.4:0:x', 'a:maybe:o-1', `t:${'I'.repeat(70)}`, 'c:I.4', 'k3f9~', '~t:I.4'])
      expect(core.route(id), id).toBeUndefined();
  });
});

describe('one log line per update', () => {
  it('names the channel, the feature and handler, the refusal if any and the time; never the text', async () => {
    const lines: Record<string, unknown>[] = [];
    const { core, deps, user } = await harness();
    deps.log = { log: (_level, msg, fields) => msg === 'update' && lines.push(fields ?? {}), child: () => deps.log };
    await core.onText(user('42'), 'Sở Tài chính phải làm gì?');
    await core.onText(user('42'), '/viec');
    await core.onAction(user('42'), 't:I.4:0');
    await core.onAction(user('42'), 'zz:1');
    expect(lines.map(({ ms, ...rest }) => rest)).toEqual([
      { channel: 'telegram', feature: 'questions', handler: 'question' },
      { channel: 'telegram', feature: 'ticking', handler: '/viec' },
      { channel: 'telegram', feature: 'ticking', handler: 'action:t', refusal: 'admin-only' },
      { channel: 'telegram', feature: null, handler: 'action', refusal: 'invalid-action' },
    ]);
    for (const l of lines) expect(typeof l.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('Tài chính');
  });
});
