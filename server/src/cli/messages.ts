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
  'io.notUtf8': { zh: '{path} 不是 UTF-8 编码，请先转换为 UTF-8 再修正', en: '{path} is not UTF-8; convert it to UTF-8 before fixing' },
  'io.binary': { zh: '{path} 不是文本文件（含 NUL 字节），未检查', en: '{path} is not a text file (it contains NUL bytes); not checked' },
  'skip.notReport': {
    zh: '不像政府信息公开工作年度报告（未找到年报标题或表三标题），未检查；在命令行上直接指定此文件可强制检查',
    en: 'does not look like an annual report (no report title or table 三 caption); not checked; name the file itself to check it anyway',
  },
  'skip.binary': { zh: '二进制文件（含 NUL 字节），未检查', en: 'binary file (contains NUL bytes); not checked' },
  'skip.line': { zh: '{path}: 已跳过: {reason}', en: '{path}: skipped: {reason}' },
  'summary.one': {
    zh: '已检查 {files} 个文件{skipped}：错误 {errors} 个，警告 {warnings} 个，提示 {notes} 个',
    en: '{files} file checked{skipped}: {errors} error(s), {warnings} warning(s), {infos} info, {hints} hint(s)',
  },
  'summary.many': {
    zh: '已检查 {files} 个文件{skipped}：错误 {errors} 个，警告 {warnings} 个，提示 {notes} 个',
    en: '{files} files checked{skipped}: {errors} error(s), {warnings} warning(s), {infos} info, {hints} hint(s)',
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

路径可以是文件或文件夹（递归查找 .txt 和 .md 文件）。文件夹里的文件，看起来像年报（有年报标题，或
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
  --stdout                   fix：把一个文件修正后的全文写到标准输出，不改写文件
  --dry-run                  fix：只列出将改的单元格（路径:行:列 键名 原值 → 新值），不改写文件；
                             有要改的退出码为 1
  -h, --help                 显示本帮助
  -v, --version              显示版本和支持的模板版本

文本输出的位置是从 1 开始的“行:列”（按 UTF-16 码元计，与编辑器一致）；JSON 输出用 LSP 从 0 开始的
范围。文件所在文件夹或其上级文件夹中的 .govreportrc.json 会被采用：
{"rules": {"<规则代码>": "error|warning|information|hint|off"}, "template": "auto|2019|2021"}
退出码：0 无错误，1 发现错误（或警告超过 --max-warnings），2 用法错误或读写错误。
`,
    en: `Usage: gov-annual-report <command> [options] PATH...

Commands:
  check    check reports and print findings
  fix      recompute derived totals (表三 总计 column and （七）总计 row, 表四 totals) in place
  extract  print every mapped table cell by canonical key

PATH may be a file or a folder (searched recursively for .txt and .md files). Files found in a
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
  --stdout                   fix: print the fixed text of one file instead of writing it
  --dry-run                  fix: list the cells it would change (path:line:col key old → new),
                             write nothing; exit code 1 when any would change
  -h, --help                 this help
  -v, --version              version and known template versions

Positions in text output are 1-based line:column (UTF-16 code units, as editors count);
JSON output uses LSP 0-based ranges. A .govreportrc.json in the file's folder or an ancestor is
honoured: {"rules": {"<code>": "error|warning|information|hint|off"}, "template": "auto|2019|2021"}
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
  return cliMessage(reason === 'binary' ? 'skip.binary' : 'skip.notReport', locale);
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
