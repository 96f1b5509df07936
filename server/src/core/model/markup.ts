/**
 * Markdown markup around headings and the title in drafts written as Markdown: an ATX marker ("## ",
 * one to six #s and a space, maybe closing #s) and/or bold ("**…**", "__…__", as Word documents
 * converted with pandoc set headings). The one place that knows its shape: headings, the title and
 * inserted parts all go through here.
 */
/** What closes a heading's markup: `**` or `__` for bold, `#` for an ATX heading, nothing. */
export type Markup = '' | '**' | '__' | '#';

/**
 * The markup that opens a heading at `p` ("## ", "**", "## **"): `end` is where the heading text
 * starts (`p` when there is none), `close` what closes it.
 */
export function headingMarkupAt(text: string, p: number): { end: number; close: Markup } {
  let close: Markup = '';
  const atx = ATX.exec(text.slice(p));
  if (atx) {
    p += atx[0].length;
    close = '#';
  }
  if (text.startsWith('**', p) || text.startsWith('__', p)) {
    close = text.startsWith('**', p) ? '**' : '__';
    p += 2;
  }
  return { end: p, close };
}
/** One to six #s and the blanks after them (\f: a page break in text extracted from PDF). */
const ATX = /^#{1,6}[ \t\u3000\u00a0\r\n\f]+/;

/** `s` trimmed, without what closes its markup: a bold closer and what follows it, or ATX closing #s. */
export function withoutClosingMarkup(s: string, close: Markup): string {
  if (close === '#') return s.replace(/\s+#+\s*$/, '').trim();
  if (close === '') return s.trim();
  const at = s.indexOf(close);
  return (at >= 0 ? s.slice(0, at) : s).trim();
}

/** `s` trimmed, without the heading markup around it ("# **济南市…年度报告**" → "济南市…年度报告"). */
export function withoutHeadingMarkup(s: string): string {
  const t = s.trimStart();
  const { end, close } = headingMarkupAt(t, 0);
  return withoutClosingMarkup(t.slice(end), close);
}
