/**
 * What is wrong with a `.govreportrc.json`, in the user's language. The loader records each problem as
 * a key and its arguments; the server and the CLI put it into words where they know the locale, so a
 * Chinese editor never shows an English sentence in the middle of a Chinese message.
 */
import { formatIn, type MessageArgs } from '../core/rules/messages';
import type { Locale } from '../core/types';

const MESSAGES = {
  'config.notJson': { zh: '不是有效的 JSON', en: 'not valid JSON' },
  'config.notJsonAt': { zh: '不是有效的 JSON（第 {line} 行第 {column} 列附近）', en: 'not valid JSON (near line {line}, column {column})' },
  'config.notFile': { zh: '不是普通文件，已忽略', en: 'not a regular file; ignored' },
  'config.unreadable': { zh: '无法读取（{code}），已忽略', en: 'cannot be read ({code}); ignored' },
  'config.tooLarge': { zh: '超过 {max} 字节，不像配置文件，已忽略', en: 'larger than {max} bytes, not a config file; ignored' },
  'config.othersWritable': {
    zh: '该文件或其所在文件夹允许其他用户写入，可能被他人放置，已忽略',
    en: 'the file or its folder is writable by other users, so anyone could have put it there; ignored',
  },
  'config.foreignOwner': {
    zh: '该文件或其所在文件夹属于其他用户（uid {uid}），已忽略',
    en: 'the file or its folder belongs to another user (uid {uid}); ignored',
  },
  'config.notObject': { zh: '内容应为一个 JSON 对象', en: 'the config must be a JSON object' },
  'config.unknownKey': { zh: '未知的键 "{key}"（可用的键：{known}）', en: 'unknown key "{key}" (known keys: {known})' },
  'config.badTemplate': { zh: '"template" 应为 {allowed} 之一，实为 {found}', en: '"template" must be one of {allowed}, found {found}' },
  'config.rulesNotObject': { zh: '"rules" 应为对象，键为规则代码，值为级别', en: '"rules" must be an object mapping rule codes to severities' },
  'config.unknownRule': { zh: '未知的规则 "{code}"', en: 'unknown rule "{code}"' },
  'config.badSeverity': { zh: '规则 "{code}" 的级别应为 {allowed} 之一，实为 {found}', en: 'rule "{code}": must be one of {allowed}, found {found}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export interface ConfigProblem {
  key: keyof typeof MESSAGES;
  args: MessageArgs;
}

export function describeConfigProblem(problem: ConfigProblem, locale: Locale): string {
  return formatIn(locale, MESSAGES[problem.key], problem.args);
}
