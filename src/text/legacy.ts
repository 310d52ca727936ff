/**
 * Text typed in a legacy Vietnamese encoding (TCVN3/ABC or VNI) and pasted as Unicode shows as mojibake:
 * "Së Tµi chÝnh" (TCVN3), "Sôû Taøi chính" (VNI). It is detected and named, never guessed at.
 */

/** Latin-1 letters and signs that Vietnamese never uses, but TCVN3 and VNI text is full of. */
const FOREIGN =
  /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/g;

export function looksLikeLegacyEncoding(text: string): boolean {
  const hits = text.normalize('NFC').match(FOREIGN)?.length ?? 0;
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  return hits >= 2 && hits / Math.max(1, letters) > 0.05;
}
