/** Word's automatic numbering as a reader sees it, from numbering.xml and styles.xml as Word writes them. */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { Numbering, type XmlNode } from '../../src/plan/import/numbering.ts';

const parse = (xml: string) => new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(xml) as XmlNode[];
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, fmt: string, text: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;

const NUMBERING = parse(`<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%1.%2')}${lvl(2, 'lowerLetter', '%3)')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', 'Điều %1.', 5)}</w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`);
const STYLES = parse(`<w:styles ${W}>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`);

const para = (pPr: string) => parse(`<w:p ${W}><w:pPr>${pPr}</w:pPr><w:r><w:t>x</w:t></w:r></w:p>`)[0]!;
const num = (id: number, ilvl = 0) => para(`<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${id}"/></w:numPr>`);
const style = (id: string) => para(`<w:pStyle w:val="${id}"/>`);

describe("Word's automatic numbering", () => {
  it('levels count in document order, a level restarting under the one above; styles carry a list; bullets are dashes', () => {
    const n = new Numbering(NUMBERING, STYLES);
    const seen = [num(1), num(1, 1), num(1, 1), num(1, 2), num(1, 2), num(1, 1), num(1), num(1, 1), style('Heading1'), style('Heading2'), num(2), para('')];
    expect(seen.map((p) => n.label(p))).toEqual(['I.', 'I.1', 'I.2', 'a)', 'b)', 'I.3', 'II.', 'II.1', 'III.', 'III.1', '-', '']);
  });
  it('a list starts at its start; another list of the same kind continues it unless it restarts', () => {
    const n = new Numbering(NUMBERING, STYLES);
    expect([num(3), num(3), num(4), num(4), num(3)].map((p) => n.label(p))).toEqual(['Điều 5.', 'Điều 6.', 'Điều 1.', 'Điều 2.', 'Điều 3.']);
  });
  it('no numbering part, an unknown list, or numId 0 ("numbering removed"): no number', () => {
    expect(new Numbering(undefined, undefined).label(num(1))).toBe('');
    expect(new Numbering(NUMBERING, STYLES).label(num(9))).toBe('');
    expect(new Numbering(NUMBERING, STYLES).label(num(0))).toBe('');
  });
});
