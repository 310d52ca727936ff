/**
 * A digitally signed PDF reads like any other (#22): the layouts' plan printed from Word by LibreOffice, then signed
 * as the document system signs (an incremental update with a signature field and its /Sig dictionary, a PKCS#7
 * signature over the /ByteRange; test/fixtures/signed-pdf.ts made it with OpenSSL and checked it), imports to the
 * same plan as the unsigned file, task by task.
 */
import { readFileSync } from 'node:fs';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/plan/import/index.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { LANDSCAPE_PDF } from '../fixtures/office-layouts.ts';
import { SIGNED_PDF } from '../fixtures/signed-pdf.ts';
import { dir } from '../helpers.ts';

const TODAY = '2026-11-29';
const tasks = (plan: Plan) =>
  plan.tasks.map((t) => ({
    id: t.id,
    section: t.section,
    content: t.content,
    lead: t.lead.map((x) => x.agency ?? x.name),
    coordinate: t.coordinate.map((x) => x.agency ?? x.name),
    deadline: t.deadline,
  }));

describe('a signed PDF', async () => {
  const unsigned = readFileSync(LANDSCAPE_PDF);
  const signed = readFileSync(SIGNED_PDF);
  it('is the printed file with a real signature appended: the same bytes first, then a /Sig dictionary over a byte range', async () => {
    expect(signed.subarray(0, unsigned.length).equals(unsigned)).toBe(true);
    const update = signed.subarray(unsigned.length).toString('latin1');
    expect(update).toMatch(/\/Type \/Sig \/Filter \/Adobe\.PPKLite \/SubFilter \/adbe\.pkcs7\.detached/);
    const [, a, b, c, d] = update.match(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/)!.map(Number);
    expect([a, b, c! + d!]).toEqual([0, signed.indexOf('/Contents <', unsigned.length, 'latin1') + 10, signed.length]);
    // The hole holds a DER signature (a SEQUENCE), padded with zeros.
    expect(signed.subarray(b! + 1, b! + 3).toString('latin1')).toBe('30');
    const pdf = await getDocumentProxy(new Uint8Array(signed));
    expect(await pdf.getFieldObjects()).toMatchObject({ 'Chu ky so': [{ type: 'signature' }] });
  });
  const a = await importFile('kh-310.pdf', unsigned, dir, {}, TODAY);
  const b = await importFile('kh-310-signed.pdf', signed, dir, {}, TODAY);
  it('imports to the same tasks as the unsigned file, task by task', () => {
    expect(b.plan.tasks).toHaveLength(6);
    expect(tasks(b.plan)).toEqual(tasks(a.plan));
    expect(b.plan.sections).toEqual(a.plan.sections);
  });
  it('with the same header, body, recipients and signer', () => {
    expect(b.plan).toMatchObject({ number: '310/KH-UBND', date: '2026-03-12', issuer: 'UBND tỉnh Bến Tre' });
    expect(b.plan.assignments).toEqual(a.plan.assignments);
    expect(b.plan.document).toEqual(a.plan.document);
    expect(b.plan.document?.signer).toEqual({ title: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect(b.warnings).toEqual(a.warnings);
  });
});
