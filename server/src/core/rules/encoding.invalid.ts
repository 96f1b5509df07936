import { defineRule } from './rule';

export default defineRule({
  code: 'encoding.invalid',
  severity: 'warning',
  fixable: false,
  description: { zh: '文件中有不是有效 UTF-8 的字节', en: 'The file holds bytes that are not valid UTF-8' },
  message: {
    zh: '此处的字节不是有效的 UTF-8，按 U+FFFD（�）读取',
    en: 'A byte here is not valid UTF-8; it was read as U+FFFD (�)',
  },
  docs: {
    why: {
      zh: '一个 UTF-8 文件里夹着几个坏字节（多半是拼接或传输时损坏），整份文件仍按 UTF-8 读取，坏字节读作 U+FFFD，并逐一标出，以便找到并修正；不会因此把整份报告按 GB18030 读成乱码。',
      en: 'A UTF-8 file with a few damaged bytes (usually from joining or transferring files) is still read as UTF-8: each bad byte reads as U+FFFD and is marked here so it can be found and mended, instead of the whole report being read as GB18030 mojibake.',
    },
    bad: '予以公开69件，部分公开\\xFF35件',
    good: '予以公开69件，部分公开35件',
  },
  // The core sees text, never bytes: these findings are made where a file is decoded
  // (server/src/files/encodingFindings.ts), from the offsets of the bytes the decoder could not read.
  reportedWhenDecoding: true,
});
