/**
 * The roster of pre-approved officials (ROSTER_FILE): a CSV with a header naming Họ tên, Cơ quan, Điện thoại.
 * An official who shares their own contact with a phone on the roster is approved at once.
 */
import { readFileSync } from 'node:fs';
import type { Directory } from '../../plan/agencies.ts';
import { parseDelimited } from '../../plan/import/csv.ts';
import { DataFileError } from '../../plan/load.ts';
import { canonicalTokens } from '../../text/canonical.ts';
import { clean, fold } from '../../text/fold.ts';

export interface RosterEntry {
  name: string;
  agency: string;
  phone: string;
}

/** Vietnamese mobile numbers in one form: +84 912…, 84912…, 0912 345 678 → 0912345678. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

export function loadRoster(file: string, dir: Directory): RosterEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  } catch {
    throw new DataFileError(file, ['file not found or unreadable']);
  }
  const rows = parseDelimited(text, text.split(/\r?\n/, 1)[0]!.includes('\t') ? '\t' : ',');
  const header = (rows[0] ?? []).map((h) => fold(clean(h)));
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const [nameAt, agencyAt, phoneAt] = [col(/ho (va )?ten|^ten/), col(/co quan|don vi/), col(/dien thoai|sdt|so dt|phone/)];
  if (nameAt < 0 || agencyAt < 0 || phoneAt < 0) throw new DataFileError(file, ['header must name Họ tên, Cơ quan and Điện thoại']);
  const problems: string[] = [];
  const out: RosterEntry[] = [];
  rows.slice(1).forEach((r, i) => {
    const agency = dir.scan(canonicalTokens(r[agencyAt] ?? ''))[0]?.agencies;
    const phone = normalizePhone(r[phoneAt] ?? '');
    if (agency?.length !== 1) problems.push(`row ${i + 2}: unknown agency "${clean(r[agencyAt] ?? '')}"`);
    else if (phone.length < 9) problems.push(`row ${i + 2}: no phone number`);
    else out.push({ name: clean(r[nameAt] ?? ''), agency: agency[0]!, phone });
  });
  if (problems.length > 0) throw new DataFileError(file, problems.slice(0, 10));
  return out;
}
