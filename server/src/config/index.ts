/**
 * The project config file `.govreportrc.json`, read the same way by the language server and the CLI
 * (so an editor and a CI run never disagree about which rules are on).
 *
 *   { "rules": { "<code>": "error|warning|information|hint|off" }, "template": "auto|2019|2021" }
 *
 * `parseProjectConfig` is pure; `findProjectConfig` is the only function here that touches the file
 * system. Editor settings are layered on top with `mergeOptions`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
// The catalogue module directly (not the core's index): it is self-contained data, and this keeps the
// loader usable by the CLI without pulling in the whole analysis engine.
import { RULES_BY_CODE } from '../core/rules/catalogue';
import type { AnalyzeOptions, RuleSetting } from '../core/types';
import type { ConfigProblem } from './messages';

export { describeConfigProblem, type ConfigProblem } from './messages';

export const PROJECT_CONFIG_FILE = '.govreportrc.json';

export type TemplateSetting = 'auto' | '2019' | '2021';

export interface ProjectConfig {
  rules: Record<string, RuleSetting>;
  template?: TemplateSetting;
}

/** The subset of editor settings that affects analysis (see server/src/lsp/settings.ts). */
export interface EditorAnalysisSettings {
  rules?: Record<string, RuleSetting>;
  template?: TemplateSetting;
}

export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];
export const TEMPLATE_SETTINGS: readonly TemplateSetting[] = ['auto', '2019', '2021'];
const KEYS = ['rules', 'template'] as const;

export function isRuleSetting(v: unknown): v is RuleSetting {
  return typeof v === 'string' && (RULE_SETTINGS as readonly string[]).includes(v);
}

export function isTemplateSetting(v: unknown): v is TemplateSetting {
  return typeof v === 'string' && (TEMPLATE_SETTINGS as readonly string[]).includes(v);
}

/**
 * Parses the text of a `.govreportrc.json`. Never throws: whatever is valid is kept, everything else
 * is reported in `problems` (put into words by describeConfigProblem in the user's language) so a typo
 * in one rule does not silence the file.
 */
export function parseProjectConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const config: ProjectConfig = { rules: {} };
  const problems: ConfigProblem[] = [];
  let raw: unknown;
  try {
    // Editors on Windows like to save JSON with a BOM; JSON.parse rejects it.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // Only where, never what: the text may be a secret the config path was made to point at, and
    // JSON.parse's message quotes the text.
    const at = jsonErrorPosition(text, e);
    problems.push(at ? { key: 'config.notJsonAt', args: at } : { key: 'config.notJson', args: {} });
    return { config, problems };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ key: 'config.notObject', args: {} });
    return { config, problems };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    // "$schema" is what editors add for completion; tolerate it silently.
    if (!(KEYS as readonly string[]).includes(key) && key !== '$schema') problems.push({ key: 'config.unknownKey', args: { key, known: KEYS } });
  }
  if (obj.template !== undefined) {
    if (isTemplateSetting(obj.template)) config.template = obj.template;
    else problems.push({ key: 'config.badTemplate', args: { allowed: TEMPLATE_SETTINGS, found: JSON.stringify(obj.template) } });
  }
  if (obj.rules !== undefined) {
    if (obj.rules === null || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      problems.push({ key: 'config.rulesNotObject', args: {} });
    } else {
      for (const [code, value] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!RULES_BY_CODE.has(code)) {
          problems.push({ key: 'config.unknownRule', args: { code } });
          continue;
        }
        if (isRuleSetting(value)) config.rules[code] = value;
        else problems.push({ key: 'config.badSeverity', args: { code, allowed: RULE_SETTINGS, found: JSON.stringify(value) } });
      }
    }
  }
  return { config, problems };
}

/** What findProjectConfig found: the nearest config file, its settings and its problems. */
export interface ProjectConfigLookup {
  path: string;
  config: ProjectConfig;
  problems: ConfigProblem[];
  /** Set when the file is not trusted (see trustProblem): its settings are not used. */
  ignored?: boolean;
}

/** A config larger than this is not a hand-written settings file; it is not read. */
const MAX_CONFIG_SIZE = 1_000_000;

/**
 * Looks for `.govreportrc.json` in `startDir` and each ancestor up to the project root: the first folder
 * that holds `.git` or is one of `boundaries` (the folders the command was given, or the workspace
 * folders). The nearest file wins (no merging of several files: simple to explain, like .editorconfig
 * with root=true). A file that a stranger could have planted (see trustProblem) is returned with
 * `ignored` and a problem, never its settings. An invalid file is returned with its problems rather
 * than skipped, so the caller can tell the user. Returns undefined when there is none.
 */
export function findProjectConfig(startDir: string, boundaries: readonly string[] = []): ProjectConfigLookup | undefined {
  const stops = new Set(boundaries.map((b) => path.resolve(b)));
  let dir = path.resolve(startDir);
  for (;;) {
    const found = readConfigIn(dir);
    if (found) return found;
    if (stops.has(dir) || fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readConfigIn(dir: string): ProjectConfigLookup | undefined {
  const candidate = path.join(dir, PROJECT_CONFIG_FILE);
  let st: fs.Stats;
  try {
    fs.lstatSync(candidate);
  } catch {
    return undefined; // none here: keep walking up
  }
  const ignored = (problem: ConfigProblem): ProjectConfigLookup => ({ path: candidate, config: { rules: {} }, problems: [problem], ignored: true });
  try {
    st = fs.statSync(candidate);
  } catch (e) {
    return ignored({ key: 'config.unreadable', args: { code: (e as NodeJS.ErrnoException).code ?? 'error' } });
  }
  if (!st.isFile()) return ignored({ key: 'config.notFile', args: {} });
  const distrust = trustProblem(st, fs.statSync(dir));
  if (distrust) return ignored(distrust);
  if (st.size > MAX_CONFIG_SIZE) return ignored({ key: 'config.tooLarge', args: { max: MAX_CONFIG_SIZE } });
  let text: string;
  try {
    text = fs.readFileSync(candidate, 'utf8');
  } catch (e) {
    return ignored({ key: 'config.unreadable', args: { code: (e as NodeJS.ErrnoException).code ?? 'error' } });
  }
  return { path: candidate, ...parseProjectConfig(text) };
}

/**
 * Why a config file is not to be trusted, if it is not: it (or its folder) is writable by others, or it
 * is owned by another user than root or the one running the check. A `.govreportrc.json` turns rules
 * off, so one planted in a shared folder (/tmp) must not silence the checks of every job below it.
 * On systems without POSIX owners (Windows) only the file's own checks apply.
 */
export function trustProblem(file: fs.Stats, folder: fs.Stats): ConfigProblem | undefined {
  if (typeof process.getuid !== 'function') return undefined;
  const me = process.getuid();
  if ((file.mode & 0o002) !== 0 || (folder.mode & 0o002) !== 0) return { key: 'config.othersWritable', args: {} };
  for (const st of [file, folder]) {
    if (st.uid !== me && st.uid !== 0) return { key: 'config.foreignOwner', args: { uid: st.uid } };
  }
  return undefined;
}

/** Line and column (1-based) of a JSON.parse error, from the offset its message gives. */
function jsonErrorPosition(text: string, e: unknown): { line: number; column: number } | undefined {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!m) return undefined;
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(m[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/**
 * Layers editor settings over the project config: per rule, the editor's setting wins; the editor's
 * template wins unless it is `auto` (the default VS Code always reports, which must not hide a
 * project's explicit choice).
 */
export function mergeOptions(
  projectConfig: ProjectConfig | undefined,
  editorSettings: EditorAnalysisSettings | undefined,
): Pick<AnalyzeOptions, 'rules' | 'template'> {
  const rules: Record<string, RuleSetting> = { ...(projectConfig?.rules ?? {}) };
  for (const [code, value] of Object.entries(editorSettings?.rules ?? {})) {
    if (isRuleSetting(value)) rules[code] = value;
  }
  const editorTemplate = editorSettings?.template;
  const template: TemplateSetting =
    editorTemplate && editorTemplate !== 'auto' ? editorTemplate : projectConfig?.template ?? 'auto';
  return { rules, template };
}
