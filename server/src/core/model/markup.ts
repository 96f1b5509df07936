/**
 * Markdown markup around headings and the title in drafts written as Markdown: an ATX marker ("## ",
 * one to six #s and a space, maybe closing #s) and/or bold ("**…**", "__…__", as Word documents
 * converted with pandoc set headings). The one place that knows its shape: headings, the title and
 * inserted parts all go through here.
 */
import { isSpace } from '../text';

/** What closes a heading's markup: `**` or `__` for bold, `#` for an ATX heading, nothing. */
export type Markup = '' | '**' | '__' | '#';

/**
 * The markup that opens a heading at `p` ("## ", "**", "## **"): `end` is where the heading text
 * starts (`p` when there is none), `close` what closes it.
 */
export function headingMarkupAt(text: string, p: number): { end: number; close: Markup } {
  let close: Markup = '';
  if (text.charCodeAt(p) === 35) {
    let q = p;
    while (q < text.length && text.charCodeAt(q) === 35) q++;
    if (q - p > 6 || q === text.length || !isSpace(text.charCodeAt(q))) return { end: p, close };
    while (q < text.length && isSpace(text.charCodeAt(q))) q++;
    p = q;
    close = '#';
  }
  const c = p + 1 < text.length ? text.charCodeAt(p) : 0;
  if ((c === 42 || c === 95) && text.charCodeAt(p + 1) === c) {
    p += 2;
    close = c === 42 ? '**' : '__';
  }
  return { end: p, close };
}

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
