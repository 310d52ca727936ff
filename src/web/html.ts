/**
 * HTML made safe by construction: every value put into a page goes through `esc` (the one escape function), by the
 * `html` template tag; only what `html` itself made is put in as it is. Attribute values are always quoted in the
 * templates, so the escaped quote characters keep them closed.
 */

/** Text as HTML text or a quoted attribute value: & < > " ' ` escaped. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** HTML that `html` made: put into another page as it is. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function render(v: Value): string {
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return esc(v);
}

/** html`<p>${text}</p>`: each value escaped (lists joined, Html kept, null/undefined/false left out). */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}
