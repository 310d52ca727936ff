/** Every reason a file is refused; each has its text in the locales (import.error.<code>). */
export const IMPORT_ERROR_CODES = [
  'old-format',
  'too-big',
  'protected',
  'not-office',
  'not-pdf',
  'too-many-parts',
  'too-big-unpacked',
  'too-many-elements',
  'too-deep',
  'xml-doctype',
  'too-many-rows',
  'too-many-tasks',
  'cell-too-long',
  'pdf-too-much-text',
  'pdf-too-many-pages',
  'pdf-no-text',
  'damaged',
  'no-table',
  'no-column',
  'bad-csv',
  'not-a-plan',
  'invalid-plan',
  'too-slow',
  'too-heavy',
  'busy',
] as const;

/** Why a file cannot be imported: a message for the command line, and a code (with params) for chat's locale text. */
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export class ImportError extends Error {
  constructor(
    message: string,
    readonly code: ImportErrorCode = 'not-a-plan',
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}
