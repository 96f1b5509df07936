/**
 * Text back to the bytes of the encoding it was read in (decode.ts), BOM included, for `fix`. Node can
 * decode GB18030 and UTF-16 by itself but encodes only UTF-8, hence iconv-lite — kept out of decode.ts so
 * that the language server, which only reads, does not bundle its code tables.
 */
import * as iconv from 'iconv-lite';
import { UTF8_BOM, type TextEncoding } from './decode';

/** The bytes of `text` in `encoding`, BOM included: what decodeBytes read, for a round trip. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}

