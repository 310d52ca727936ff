/**
 * A PDF's compressed streams inflated and counted before the PDF library reads the file: a page whose content
 * stream inflates to gigabytes (a compression bomb, some kilobytes sent) is refused with the unpacked limit's
 * message, never decoded whole by the library. Inflating runs a chunk at a time and stops once all streams together
 * pass the limit, so the check itself holds one chunk, not the bomb.
 *
 * Streams are found by their keywords ("stream" after a dictionary, up to its /Length or "endstream"); those whose
 * first filter is FlateDecode are counted (what Word, LibreOffice and document systems write). A damaged stream is
 * counted as far as it inflates; the library then reads what it can.
 */
import { createInflate, constants } from 'node:zlib';
import { ImportError } from './errors.ts';
import { MAX_UNPACKED_BYTES } from './limits.ts';

const tooBig = (bytes: number) =>
  new ImportError(
    `the PDF's streams unpack to over ${MAX_UNPACKED_BYTES / 2 ** 20} MiB; at most ${MAX_UNPACKED_BYTES / 2 ** 20} MiB is read`,
    'too-big-unpacked',
    { size: `${(bytes / 2 ** 20).toFixed(0)}+`, max: MAX_UNPACKED_BYTES / 2 ** 20 },
  );

/** The Flate-compressed streams of a PDF: where each one's data is. */
export function flateStreams(buf: Buffer): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = buf.indexOf('stream', 0, 'latin1');
  while (at >= 0) {
    const next = at + 6;
    // "stream" at the end of a dictionary (">>" then white space) and before a line end; not "endstream".
    let back = at - 1;
    while (back >= 0 && (buf[back] === 0x20 || buf[back] === 0x0d || buf[back] === 0x0a || buf[back] === 0x09)) back--;
    const isStream = back > 0 && buf[back] === 0x3e && buf[back - 1] === 0x3e && (buf[next] === 0x0a || buf[next] === 0x0d);
    if (!isStream) {
      at = buf.indexOf('stream', next, 'latin1');
      continue;
    }
    const start = next + (buf[next] === 0x0d && buf[next + 1] === 0x0a ? 2 : 1);
    // The dictionary: from the object's start ("obj") or at most 4 KB back.
    const from = Math.max(0, back - 4096);
    const head = buf.subarray(from, back + 1).toString('latin1');
    const dict = head.slice(Math.max(0, head.lastIndexOf(' obj') + 1));
    const length = dict.match(/\/Length\s+(\d+)(?!\s+\d+\s+R)/)?.[1];
    const declared = length === undefined ? -1 : start + Number(length);
    const endMark = buf.indexOf('endstream', start, 'latin1');
    const end = declared > start && declared <= buf.length ? declared : endMark >= 0 ? endMark : buf.length;
    if (/\/Filter\s*(?:\[\s*)?\/(?:FlateDecode|Fl)(?![A-Za-z])/.test(dict)) out.push({ start, end });
    at = buf.indexOf('stream', Math.max(end, next), 'latin1');
  }
  return out;
}

/** Inflate `data`, adding to `budget`; rejects once the budget passes the limit. */
function inflateCounting(data: Buffer, budget: { bytes: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const z = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    let done = false;
    const finish = (e?: Error) => {
      if (done) return;
      done = true;
      if (e) reject(e);
      else resolve();
    };
    z.on('data', (chunk: Buffer) => {
      budget.bytes += chunk.length;
      if (budget.bytes > MAX_UNPACKED_BYTES) {
        finish(tooBig(budget.bytes));
        z.destroy();
      }
    });
    // A damaged stream counts as far as it inflates.
    z.on('error', () => finish());
    z.on('end', () => finish());
    z.on('close', () => finish());
    z.end(data);
  });
}

/** Every Flate stream of the PDF inflated within the unpacked limit, all together, before the library reads it. */
export async function checkPdfStreams(buf: Buffer): Promise<void> {
  const budget = { bytes: 0 };
  for (const s of flateStreams(buf)) await inflateCounting(buf.subarray(s.start, s.end), budget);
}
