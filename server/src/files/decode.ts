/**
 * The one decoder of report files, used by the CLI and by the server's workspace check so that both
 * read the same bytes as the same text. Pure (bytes in, text out); the core never sees bytes.
 *
 * - UTF-8, with or without a BOM (the BOM is dropped from the text, as editors do, and written back).
 * - UTF-16 LE or BE with a BOM.
 * - GB18030 (which includes GBK and GB2312) only when the bytes are not UTF-8 as a whole: a UTF-8 file
 *   with a few invalid bytes stays UTF-8, each bad byte read as U+FFFD and listed in `invalid`, so the
 *   caller can point at it (`encoding.invalid`) instead of reading the whole report as mojibake.
 */
import { isUtf8 } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** UTF-16 offsets in `text` of the U+FFFD that stand for bytes that were not valid UTF-8. */
  invalid: number[];
}

export const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buf, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', invalid: [] };
  if (startsWith(buf, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be', invalid: [] };
  const bom = startsWith(buf, UTF8_BOM);
  const body = bom ? buf.subarray(3) : buf;
  const encoding = bom ? 'utf-8-bom' : 'utf-8';
  // A strict check first (buffer.isUtf8 validates as a fatal TextDecoder does, much faster).
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding, invalid: [] };
  const lenient = decodeUtf8Leniently(body);
  // More well-formed multi-byte characters than bad bytes: a UTF-8 file with a few damaged bytes. GBK
  // text read as UTF-8 gives almost only bad bytes (its byte pairs are rarely valid UTF-8 sequences).
  if (bom || lenient.multiByte > lenient.invalid.length) return { text: lenient.text, encoding, invalid: lenient.invalid };
  return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030', invalid: [] };
}

/** The length of the well-formed UTF-8 sequence at `i` (1 to 4), or 0 when the byte there starts none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const [lo, hi] = c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** UTF-8 with each byte that starts no well-formed sequence read as one U+FFFD. */
function decodeUtf8Leniently(bytes: Buffer): { text: string; invalid: number[]; multiByte: number } {
  const parts: string[] = [];
  const invalid: number[] = [];
  let multiByte = 0;
  let length = 0;
  let runStart = 0;
  let i = 0;
  const flush = (end: number) => {
    if (end > runStart) {
      const s = bytes.subarray(runStart, end).toString('utf8');
      parts.push(s);
      length += s.length;
    }
  };
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      if (n > 1) multiByte++;
      i += n;
      continue;
    }
    flush(i);
    invalid.push(length);
    parts.push('\uFFFD');
    length++;
    i++;
    runStart = i;
  }
  flush(i);
  return { text: parts.join(''), invalid, multiByte };
}
