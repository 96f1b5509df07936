/**
 * The command line. Parsed with node:util parseArgs (built in, maintained with Node; no dependency),
 * in its lenient mode and checked here: strict mode throws Node's English error text, and every
 * mistake should be told in the user's language, like the rest of what the CLI says.
 */
import { parseArgs } from 'node:util';
import { TEMPLATE_SETTINGS, isTemplateSetting, type TemplateSetting } from '../config';
import type { Locale } from '../core';
import { DEFAULT_MAX_FILE_SIZE } from '../files/read';
import type { CliMessageArgs, CliMessageKey } from './messages';

export const COMMANDS = ['check', 'fix', 'extract', 'convert'] as const;
export type Command = (typeof COMMANDS)[number];

/** The output formats of each command; the first is the default. */
const FORMATS: Record<Command, readonly string[]> = { check: ['text', 'json', 'sarif', 'csv', 'html', 'xlsx'], fix: ['text'], extract: ['json', 'csv'], convert: ['markdown'] };
const LOCALES: readonly Locale[] = ['zh-cn', 'en'];

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  locale: { type: 'string' },
  template: { type: 'string' },
  stdout: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  'max-file-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The options that belong to one command. */
const ONE_COMMAND_OPTIONS = { stdout: 'fix', 'dry-run': 'fix', quiet: 'check', 'max-warnings': 'check' } as const satisfies Partial<Record<keyof typeof OPTIONS, Command>>;

export interface CommandLine {
  command: Command;
  paths: string[];
  format: string;
  locale: Locale;
  template?: TemplateSetting;
  stdout: boolean;
  /** convert: the file (or folder) to write; check --format html|xlsx: the file to write. */
  output?: string;
  /** fix: list the cells it would change, write nothing. */
  dryRun: boolean;
  /** check: errors only. */
  quiet: boolean;
  /** check: exit 1 when more warnings than this are found. */
  maxWarnings?: number;
  /** Files larger than this many bytes are not read (the editor's maxFileSize). */
  maxFileSize: number;
}

export type ParsedCommandLine =
  | { kind: 'run'; commandLine: CommandLine }
  | { kind: 'help'; locale: Locale }
  | { kind: 'version'; locale: Locale }
  | { kind: 'usageError'; locale: Locale; key: CliMessageKey; args: CliMessageArgs };

/** The message language: `--locale` when valid, else English when LC_ALL or LANG asks for it. */
function localeOf(option: unknown, env: Record<string, string | undefined>): Locale {
  if (option === 'en' || option === 'zh-cn') return option;
  return /^en/i.test(env.LC_ALL || env.LANG || '') ? 'en' : 'zh-cn';
}

export function parseCommandLine(argv: string[], env: Record<string, string | undefined>): ParsedCommandLine {
  const { values, positionals, tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const locale = localeOf(values.locale, env);
  const error = (key: CliMessageKey, args: CliMessageArgs = {}): ParsedCommandLine => ({ kind: 'usageError', locale, key, args });

  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const declared = Object.hasOwn(OPTIONS, t.name) ? OPTIONS[t.name as keyof typeof OPTIONS] : undefined;
    if (!declared) return error('usage.unknownOption', { option: t.rawName });
    if (declared.type === 'string' && t.value === undefined) return error('usage.missingValue', { option: t.rawName });
    if (declared.type === 'boolean' && t.inlineValue) return error('usage.unexpectedValue', { option: t.rawName });
  }
  if (values.help) return { kind: 'help', locale };
  if (values.version) return { kind: 'version', locale };

  const [command, ...paths] = positionals;
  if (!command) return error('usage.missingCommand', { commands: COMMANDS });
  if (!(COMMANDS as readonly string[]).includes(command)) return error('usage.unknownCommand', { command, commands: COMMANDS });
  if (paths.length === 0) return error('usage.noPath');
  const choice = (option: string, value: unknown, allowed: readonly string[]) =>
    error('usage.badChoice', { option, allowed, found: String(value) });
  if (values.locale !== undefined && !(LOCALES as unknown[]).includes(values.locale)) return choice('--locale', values.locale, LOCALES);
  if (values.template !== undefined && !isTemplateSetting(values.template)) return choice('--template', values.template, TEMPLATE_SETTINGS);
  const formats = FORMATS[command as Command];
  const format = values.format ?? formats[0];
  if (typeof format !== 'string' || !formats.includes(format)) return choice('--format', format, formats);
  for (const [option, only] of Object.entries(ONE_COMMAND_OPTIONS) as [keyof typeof ONE_COMMAND_OPTIONS, Command][]) {
    if (values[option] !== undefined && command !== only) return error('usage.onlyFor', { option: `--${option}`, command: only });
  }
  // -o writes what is not text for a terminal: convert's Markdown report, check's HTML or Excel report.
  if (values.output !== undefined && command !== 'convert' && !(command === 'check' && (format === 'html' || format === 'xlsx'))) {
    return error('usage.onlyFor', { option: '--output', command: 'convert, check --format html|xlsx' });
  }
  if (values['dry-run'] && values.stdout) return error('usage.dryRunAndStdout');
  if (command === 'convert' && paths.length !== 1) return error('usage.convertOneFile');
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(String(maxWarnings))) return error('usage.notCount', { option: '--max-warnings', found: String(maxWarnings) });
  const maxFileSize = values['max-file-size'];
  if (maxFileSize !== undefined && !/^\d+$/.test(String(maxFileSize))) return error('usage.notCount', { option: '--max-file-size', found: String(maxFileSize) });

  return {
    kind: 'run',
    commandLine: {
      command: command as Command,
      paths,
      format,
      locale,
      template: values.template as TemplateSetting | undefined,
      stdout: values.stdout === true,
      output: values.output as string | undefined,
      dryRun: values['dry-run'] === true,
      quiet: values.quiet === true,
      maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
      maxFileSize: maxFileSize === undefined ? DEFAULT_MAX_FILE_SIZE : Number(maxFileSize),
    },
  };
}
