import { describe, expect, it } from 'vitest';
import { canonicalTokens, repairTelex } from '../src/text/canonical.ts';
import { fold, tokenize } from '../src/text/fold.ts';

describe('folding Vietnamese', () => {
  it('makes NFC, NFD, old and new tone placement and Đ look-alikes equal', () => {
    expect(fold('Sở Tài chính'.normalize('NFD'))).toBe('so tai chinh');
    expect(fold('hòa')).toBe(fold('hoà'));
    expect(fold('thủy')).toBe(fold('thuỷ'));
    expect(fold('ĐÐđð')).toBe('dddd');
  });
  it('keeps & inside abbreviations and reads a lone & as "và"', () => {
    expect(tokenize(fold('Sở TT&TT'))).toEqual(['so', 'tt&tt']);
    expect(tokenize(fold('Thông tin & Truyền thông'))).toEqual(['thong', 'tin', 'va', 'truyen', 'thong']);
  });
});

describe('canonical words', () => {
  it('repairs Telex typed with the input method off, but leaves real words alone', () => {
    expect(canonicalTokens('Sowr Taif chinhs phari lafm gif')).toEqual(['so', 'tai', 'chinh', 'phai', 'lam', 'gi']);
    // A doubled vowel is a hat typed in Telex, even where the rest has a syllable's shape.
    expect(canonicalTokens('coong an phoi hop vieecj gi')).toEqual(['cong', 'an', 'phoi', 'hop', 'viec', 'gi']);
    // The hook key after the last consonant, then the tone key: "hopwj" is "hợp".
    expect(canonicalTokens('VPUB phoois hopwj mấy việc')).toEqual(canonicalTokens('VP UBND phối hợp mấy việc'));
    expect(repairTelex('internet')).toBeUndefined();
    expect(repairTelex('website')).toBeUndefined();
  });
  it('expands abbreviations and chat shorthand the same way on both sides', () => {
    expect(canonicalTokens('TTHC')).toEqual(canonicalTokens('thủ tục hành chính'));
    expect(canonicalTokens('VP.UBND tỉnh')).toEqual(canonicalTokens('Văn phòng Ủy ban nhân dân tỉnh'));
    expect(canonicalTokens('Sở GD')).toEqual(canonicalTokens('Sở Giáo dục và Đào tạo'));
    expect(canonicalTokens('SGD')).toEqual(canonicalTokens('Sở Giáo dục và Đào tạo'));
    expect(canonicalTokens('Sở KH&ĐT')).toEqual(canonicalTokens('Sở Kế hoạch và Đầu tư'));
    expect(canonicalTokens('ko dc j')).toEqual(['khong', 'duoc', 'gi']);
    expect(canonicalTokens('NHNN VN')).toEqual(canonicalTokens('Ngân hàng Nhà nước Việt Nam'));
    // "1 cửa" is the one-stop shop, but "số 1 của" a place.
    expect(canonicalTokens('bộ phận 1 cửa')).toEqual(canonicalTokens('bộ phận một cửa'));
    expect(canonicalTokens('viec so 1 cua phan III')).toEqual(['viec', 'so', '1', 'cua', 'phan', 'iii']);
  });
  it('reads southern spellings and i/y variants as the standard ones', () => {
    expect(canonicalTokens('tài chánh')).toEqual(canonicalTokens('tài chính'));
    expect(canonicalTokens('quí IV')).toEqual(canonicalTokens('quý IV'));
    // "gi" typed as "j"; a word that spells no syllable so stays ("job").
    expect(canonicalTokens('bao jờ jải quyết jấy tờ')).toEqual(canonicalTokens('bao giờ giải quyết giấy tờ'));
    expect(canonicalTokens('job')).toEqual(['job']);
  });
});
