/** server/src/files: the one decoder, the careful reader and the fix writer, without the CLI around them. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as iconv from 'iconv-lite';
import { decodeBytes, type TextEncoding } from '../../server/src/files/decode';
import { encodeText } from '../../server/src/files/encode';
import { FileProblem, readReportFile } from '../../server/src/files/read';
import { FixRefusal, planWrite, removeStaleTempFiles, writeFixed } from '../../server/src/files/write';
import { readSeed } from '../support/fixtures';
import { tempDir } from '../support/temp';

const TEXT = readSeed('000');

describe('decodeBytes', () => {
  const cases: [TextEncoding, Buffer][] = [
    ['utf-8', Buffer.from(TEXT, 'utf8')],
    ['utf-8-bom', Buffer.from(`\uFEFF${TEXT}`, 'utf8')],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')])],
    ['gb18030', iconv.encode(TEXT, 'gb18030')],
  ];
  for (const [encoding, bytes] of cases) {
    test(`${encoding}: decoded to the same text, encoded back to the same bytes`, () => {
      const d = decodeBytes(bytes);
      assert.equal(d.encoding, encoding);
      assert.equal(d.text, TEXT);
      assert.deepEqual(d.invalid, []);
      assert.ok(encodeText(d.text, d.encoding).equals(bytes));
    });
  }

  test('a few invalid bytes in UTF-8: still UTF-8, one U+FFFD and one offset per bad byte', () => {
    const good = Buffer.from('年报：一、总体情况', 'utf8');
    const d = decodeBytes(Buffer.concat([good.subarray(0, 6), Buffer.from([0xff, 0x80]), good.subarray(6)]));
    assert.equal(d.encoding, 'utf-8');
    assert.equal(d.text, '年报\uFFFD\uFFFD：一、总体情况');
    assert.deepEqual(d.invalid, [2, 3]);
  });

  test('a genuine U+FFFD in UTF-8 is not an invalid byte', () => {
    const d = decodeBytes(Buffer.concat([Buffer.from('年报\uFFFD', 'utf8'), Buffer.from([0xff])]));
    assert.deepEqual(d.invalid, [3]);
  });

  test('GBK text is GB18030 even when some of its byte pairs happen to be valid UTF-8', () => {
    const d = decodeBytes(iconv.encode('政府信息公开工作年度报告，本机关收到申请共计 69 件。', 'gbk'));
    assert.equal(d.encoding, 'gb18030');
    assert.equal(d.text, '政府信息公开工作年度报告，本机关收到申请共计 69 件。');
  });
});

describe('readReportFile', () => {
  test('refuses what is not a regular file, and files over the limit, before reading', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(100));
    const problem = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        assert.ok(e instanceof FileProblem);
        return `${e.key} ${e.detail}`;
      }
      assert.fail('no problem raised');
    };
    assert.equal(problem(() => readReportFile(path.join(dir, 'big.txt'), 99)), 'tooLarge 99');
    assert.equal(problem(() => readReportFile('/dev/null')), 'notRegular device');
    assert.equal(problem(() => readReportFile(dir)), 'notRegular folder');
    fs.symlinkSync('loop', path.join(dir, 'loop'));
    assert.equal(problem(() => readReportFile(path.join(dir, 'loop'))), 'loop ');
    assert.equal(problem(() => readReportFile(path.join(dir, 'missing.txt'))), 'noSuchPath ');
  });
});

describe('writeFixed', () => {
  test('a file edited after it was read is not overwritten', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, TEXT);
    const read = readReportFile(file);
    fs.writeFileSync(file, `${TEXT}\nan edit made meanwhile`);
    const data = planWrite(file, read, TEXT.replace('69', '70'));
    assert.throws(() => writeFixed(file, read, data), (e) => e instanceof FixRefusal && e.key === 'changed');
    assert.equal(fs.readFileSync(file, 'utf8'), `${TEXT}\nan edit made meanwhile`);
    assert.deepEqual(fs.readdirSync(dir), ['r.txt'], 'no temporary file left behind');
  });

  test('stale temporary files: a dead pid, or a live one over an hour old, are removed; others kept', () => {
    const dir = tempDir();
    const names = ['.r.txt.999999999-a1.gar.tmp', `.r.txt.${process.ppid}-b2.gar.tmp`, `.r.txt.${process.ppid}-c3.gar.tmp`, 'r.txt', '.r.txt.5.tmp'];
    for (const n of names) fs.writeFileSync(path.join(dir, n), 'x');
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(path.join(dir, names[2]), hoursAgo, hoursAgo);
    assert.deepEqual(removeStaleTempFiles(dir).sort(), [names[0], names[2]].sort());
    assert.deepEqual(fs.readdirSync(dir).sort(), [names[1], names[3], names[4]].sort());
  });

  test('a symlink planted at a temporary name is never followed (the temp file is created exclusively)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.txt');
    fs.writeFileSync(file, TEXT);
    const victim = path.join(dir, 'victim');
    fs.writeFileSync(victim, 'keep');
    const read = readReportFile(file);
    const data = planWrite(file, read, TEXT.replace('69', '70'));
    // Every name the writer could pick for this pid is made a link to the victim: O_EXCL refuses it.
    const random = Math.random;
    Math.random = () => 0.5;
    try {
      const name = `.r.txt.${process.pid}-${(0.5).toString(36).slice(2, 8)}.gar.tmp`;
      fs.symlinkSync(victim, path.join(dir, name));
      assert.throws(() => writeFixed(file, read, data), (e) => e instanceof FixRefusal && e.key === 'cannotWrite');
    } finally {
      Math.random = random;
    }
    assert.equal(fs.readFileSync(victim, 'utf8'), 'keep');
    assert.equal(fs.readFileSync(file, 'utf8'), TEXT);
  });
});
