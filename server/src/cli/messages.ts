/**
 * What the CLI itself says — its usage text, usage and I/O errors, skipped files, fixes — in Chinese
 * (the default) and English (`--locale en`, or LANG=en…). Findings come localized from the core, and
 * .govreportrc.json problems from config/messages.ts (shared with the server).
 */
import { formatIn, type Locale, type MessageArgs } from '../core';
import type { NotAReport } from '../config/reportFiles';

const MESSAGES = {
  'io.noSuchPath': { zh: '找不到文件或文件夹：{path}', en: 'no such file or folder: {path}' },
  'io.cannotReadFolder': { zh: '无法读取文件夹 {path}：{code}', en: 'cannot read folder {path}: {code}' },
  'io.cannotRead': { zh: '无法读取 {path}：{code}', en: 'cannot read {path}: {code}' },
  'io.cannotWrite': { zh: '无法写入 {path}：{code}', en: 'cannot write {path}: {code}' },
  'io.loop': { zh: '{path} 是符号链接循环，未读取', en: '{path} is a symbolic link loop; not read' },
  'io.notRegular': { zh: '{path} 不是普通文件（{kind}），未读取', en: '{path} is not a regular file ({kind}); not read' },
  'io.tooLarge': { zh: '{path} 超过 {max} 字节（--max-file-size），未读取', en: '{path} is larger than {max} bytes (--max-file-size); not read' },
  'kind.fifo': { zh: '命名管道', en: 'a FIFO' },
  'kind.device': { zh: '设备', en: 'a device' },
  'kind.socket': { zh: '套接字', en: 'a socket' },
  'kind.folder': { zh: '文件夹', en: 'a folder' },
  'kind.other': { zh: '特殊文件', en: 'a special file' },
  'fix.readOnly': { zh: '{path} 是只读文件，未修正（如确需修正，请先改为可写）', en: '{path} is read-only; not fixed (make it writable first if it should be)' },
  'fix.notRoundTrip': {
    zh: '{path} 按 {encoding} 读取时有无法原样写回的字节，未修正（以免改动单元格以外的内容）',
    en: '{path} holds bytes that {encoding} cannot write back as they were; not fixed (so that nothing but the cells changes)',
  },
  'fix.changed': { zh: '{path} 在读取后被修改，未修正；请重新运行', en: '{path} changed after it was read; not fixed, run again' },
  'io.binary': { zh: '{path} 不是文本文件（含 NUL 字节），未检查', en: '{path} is not a text file (it contains NUL bytes); not checked' },
  'io.legacyWord': {
    zh: '{path} 是旧版 Word/WPS 二进制文件（.doc/.wps），无法直接读取：请另存为 .docx',
    en: '{path} is an old binary Word/WPS file (.doc/.wps), which cannot be read: save it as .docx',
  },
  'io.badFormat': { zh: '无法读取 {path}（不是有效的 {format} 文件：{detail}）', en: 'cannot read {path} (not a valid {format} file: {detail})' },
  'io.pdfNoText': {
    zh: '{path} 没有文字层（可能是扫描件），无法读取：请使用带文字的 PDF、Word 或网页版本',
    en: '{path} has no text layer (scanned pages?) and cannot be read: use a PDF with text, the Word file or the web page',
  },
  'fix.notText': {
    zh: '{path} 不是文本年报，fix 只改写 .txt/.md 文件：请先用 convert 转换为 .年报.md 再修正',
    en: '{path} is not a text report and fix rewrites .txt/.md files only: convert it to a .年报.md first',
  },
  'convert.done': { zh: '已写入 {path}', en: 'wrote {path}' },
  'usage.convertOneFile': { zh: 'convert 只能用于一个文件', en: 'convert takes exactly one file' },
  'skip.notReport': {
    zh: '不像政府信息公开工作年度报告（未找到年报标题或表三标题），未检查；在命令行上直接指定此文件可强制检查',
    en: 'does not look like an annual report (no report title or table 三 caption); not checked; name the file itself to check it anyway',
  },
  'skip.binary': { zh: '二进制文件（含 NUL 字节），未检查', en: 'binary file (contains NUL bytes); not checked' },
  'skip.tooLarge': { zh: '超过大小上限（--max-file-size），未读取', en: 'larger than the size limit (--max-file-size); not read' },
  'skip.line': { zh: '{path}: 已跳过: {reason}', en: '{path}: skipped: {reason}' },
  'summary.one': {
    zh: '已检查 {files} 个文件{skipped}：错误 {errors} 个，警告 {warnings} 个，提示 {notes} 个',
    en: '{files} file checked{skipped}: {errors} error(s), {warnings} warning(s), {infos} info, {hints} hint(s)',
  },
  'summary.many': {
    zh: '已检查 {files} 个文件{skipped}：错误 {errors} 个，警告 {warnings} 个，提示 {notes} 个',
    en: '{files} files checked{skipped}: {errors} error(s), {warnings} warning(s), {infos} info, {hints} hint(s)',
  },
  'summary.config': { zh: '配置文件：{path}', en: 'config: {path}' },
  'progress.line': {
    zh: '已检查 {done}/{total} 个文件，每秒 {rate} 个，剩余约 {left} 秒',
    en: '{done}/{total} files checked, {rate}/s, about {left} s left',
  },
  'summary.skipped': { zh: '（跳过 {count} 个）', en: ' ({count} skipped)' },
  'fix.done': { zh: '已修正 {path}：{count} 个单元格', en: 'fixed {path}: {count} cell(s)' },
  'fix.wouldChange': { zh: '将修正 {files} 个文件中的 {count} 个单元格（未改写文件）', en: '{count} cell(s) in {files} file(s) would change (nothing written)' },
  'fix.upToDate': { zh: '合计均无需修正', en: 'all totals up to date; nothing to change' },
  'usage.missingCommand': { zh: '缺少命令（{commands}）', en: 'missing command ({commands})' },
  'usage.unknownCommand': { zh: '未知命令 "{command}"（可用：{commands}）', en: 'unknown command "{command}" (known: {commands})' },
  'usage.noPath': { zh: '未指定文件或文件夹', en: 'no PATH given' },
  'usage.unknownOption': { zh: '未知选项 {option}', en: 'unknown option {option}' },
  'usage.missingValue': { zh: '选项 {option} 缺少取值', en: 'option {option} needs a value' },
  'usage.unexpectedValue': { zh: '选项 {option} 不带取值', en: 'option {option} takes no value' },
  'usage.badChoice': { zh: '{option} 应为 {allowed} 之一，实为 "{found}"', en: '{option} must be one of {allowed}, not "{found}"' },
  'usage.onlyFor': { zh: '{option} 只用于 {command}', en: '{option} is for {command} only' },
  'usage.stdoutOneFile': { zh: '--stdout 只能用于一个文件', en: '--stdout takes exactly one file' },
  'usage.notCount': { zh: '{option} 应为非负整数，实为 "{found}"', en: '{option} must be a whole number ≥ 0, not "{found}"' },
  'summary.tooManyWarnings': { zh: '警告 {warnings} 个，超过 --max-warnings {max}', en: '{warnings} warning(s), more than --max-warnings {max}' },
  version: { zh: 'gov-annual-report {version}\n模板版本：{templates}\n', en: 'gov-annual-report {version}\ntemplate versions: {templates}\n' },
  'usage.xlsxNeedsOutput': {
    zh: '--format xlsx 需要用 -o 指定文件，或把标准输出重定向到文件',
    en: '--format xlsx needs a file given with -o, or standard output redirected to a file',
  },
  'usage.dryRunAndStdout': { zh: '--dry-run 与 --stdout 不能同时使用', en: '--dry-run and --stdout cannot be combined' },
  usage: {
    zh: `用法：gov-annual-report <命令> [选项] 路径...

命令：
  check    检查年报并列出问题
  fix      重新计算合计（表三“总计”列和“（七）总计”行、表四各项合计），原地改写文件
  extract  按规范键名输出表格中已识别的每个单元格
  convert  把 Word（.docx）、网页（.html/.htm）或 PDF 年报转换为可编辑的 Markdown 年报（表格为
           Markdown 表格），输出到标准输出，或用 -o 写入文件（建议命名为 *.年报.md）

路径可以是文件或文件夹（递归查找 .txt、.md、.docx、.html、.htm 和 .pdf 文件）。check 和 extract
直接读取 .docx、.html/.htm 和 .pdf 文件，问题按 PDF 页码、表格、行和列标注位置；fix 只改写文本年报。
旧版 Word/WPS 二进制文件（.doc/.wps）请先另存为 .docx。文件夹里的文件，看起来像年报（有年报标题，或
表三标题单独成行）或文件名为 *.年报.txt / *.年报.md 的才检查，其余列为“已跳过”。在命令行上直接指定的
文件总会检查，二进制文件（含 NUL 字节）除外。

选项：
  --format text|json|sarif|csv|html|xlsx
                             check 的输出格式（默认 text；csv 每个问题一行；html 为含图表的
                             单个网页，离线可看；xlsx 为 Excel 工作簿）
  -o, --output 文件          check：html 或 xlsx 写入此文件（xlsx 不指定时须重定向标准输出）
  --format json|csv          extract 的输出格式（默认 json）
  --locale zh-cn|en          消息语言（默认 zh-cn；LC_ALL 或 LANG 以 en 开头时为 en）
  --template auto|2019|2021  按哪一版模板检查（默认 auto：按报告年度）
  -q, --quiet                check：只报告错误
  --max-warnings N           check：警告超过 N 个时退出码为 1
  -o, --output 文件          convert：写入该文件（或该文件夹下的 <名称>.年报.md），不输出到标准输出
  --stdout                   fix：把一个文件修正后的全文写到标准输出，不改写文件
  --dry-run                  fix：只列出将改的单元格（路径:行:列 键名 原值 → 新值），不改写文件；
                             有要改的退出码为 1
  --max-file-size N          超过 N 字节的文件不读取（默认 5000000，与编辑器的 maxFileSize 相同）
  -h, --help                 显示本帮助
  -v, --version              显示版本和支持的模板版本

文本输出的位置是从 1 开始的“行:列”（按 UTF-16 码元计，与编辑器一致）；JSON 输出用 LSP 从 0 开始的
范围。文件所在文件夹或其上级文件夹（到含 .git 的文件夹或命令行给出的文件夹为止）中的
.govreportrc.json 会被采用（其他用户可写或属于其他用户的除外）：
{"rules": {"<规则代码>": "error|warning|information|hint|off"}, "template": "auto|2019|2021"}
退出码：0 无错误，1 发现错误（或警告超过 --max-warnings），2 用法错误或读写错误。
`,
    en: `Usage: gov-annual-report <command> [options] PATH...

Commands:
  check    check reports and print findings
  fix      recompute derived totals (表三 总计 column and （七）总计 row, 表四 totals) in place
  extract  print every mapped table cell by canonical key
  convert  turn a Word (.docx), web page (.html/.htm) or PDF report into an editable Markdown report
           (tables as Markdown grids), on stdout or written with -o (name it *.年报.md)

PATH may be a file or a folder (searched recursively for .txt, .md, .docx, .html, .htm and .pdf
files). check and extract read .docx, .html/.htm and .pdf files directly and locate findings by PDF
page, table, row and column; fix rewrites text reports only. Save old binary Word/WPS files
(.doc/.wps) as .docx first. Files found in a
folder are checked when they look like reports (a report title, or the table 三 caption as a line) or are
named *.年报.txt / *.年报.md; the others are listed as skipped. Files named here are always
checked, except binary ones (containing NUL bytes), which are refused.

Options:
  --format text|json|sarif|csv|html|xlsx
                             check output (default text; csv: one row per finding; html: one
                             page with charts that works offline; xlsx: an Excel workbook)
  -o, --output FILE          check: write html or xlsx to FILE (xlsx without it needs a redirect)
  --format json|csv          extract output (default json)
  --locale zh-cn|en          message language (default zh-cn, or en when LC_ALL or LANG starts with en)
  --template auto|2019|2021  template to check against (default auto: from the report year)
  -q, --quiet                check: report errors only
  --max-warnings N           check: exit code 1 when more than N warnings are found
  -o, --output FILE          convert: write FILE (or FOLDER/<name>.年报.md) instead of stdout
  --stdout                   fix: print the fixed text of one file instead of writing it
  --dry-run                  fix: list the cells it would change (path:line:col key old → new),
                             write nothing; exit code 1 when any would change
  --max-file-size N          do not read files larger than N bytes (default 5000000, as the
                             editor's maxFileSize)
  -h, --help                 this help
  -v, --version              version and known template versions

Positions in text output are 1-based line:column (UTF-16 code units, as editors count);
JSON output uses LSP 0-based ranges. A .govreportrc.json in the file's folder or an ancestor (up to
the folder holding .git or the folder given) is honoured, unless others can write it or own it: {"rules": {"<code>": "error|warning|information|hint|off"}, "template": "auto|2019|2021"}
Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage or I/O error.
`,
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type CliMessageKey = keyof typeof MESSAGES;
export type CliMessageArgs = MessageArgs;

export function cliMessage(key: CliMessageKey, locale: Locale, args: CliMessageArgs = {}): string {
  return formatIn(locale, MESSAGES[key], args);
}

/** Why a file was skipped, in the user's language. */
export function skipReasonText(reason: NotAReport, locale: Locale): string {
  return cliMessage(reason === 'binary' ? 'skip.binary' : reason === 'tooLarge' ? 'skip.tooLarge' : 'skip.notReport', locale);
}

/**
 * An I/O failure, raised where it happens and put into words where the locale is known (main.ts).
 * `message` is the English text, for logs and anything that prints an Error as is.
 */
export class CliError extends Error {
  constructor(readonly key: CliMessageKey, readonly args: CliMessageArgs) {
    super(cliMessage(key, 'en', args));
  }

  localized(locale: Locale): string {
    return cliMessage(this.key, locale, this.args);
  }
}
