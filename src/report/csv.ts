/** CSV cells written for spreadsheet programs. */

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is
 * neutralised with a leading apostrophe, as OWASP's CSV-injection advice and spreadsheet programs expect; the
 * .xlsx report already writes such text as strings.
 */
export function csvField(v: string | boolean): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
