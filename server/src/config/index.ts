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
    problems.push({ key: 'config.notJson', args: { detail: e instanceof Error ? e.message : String(e) } });
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

/**
 * Looks for `.govreportrc.json` in `startDir` and each ancestor up to the file-system root; the nearest
 * one wins (no merging of several files: simple to explain, like .editorconfig with root=true).
 * Returns undefined when there is none. An invalid file is returned with its problems
 * rather than skipped, so the caller can tell the user.
 */
export function findProjectConfig(startDir: string): { path: string; config: ProjectConfig; problems: ConfigProblem[] } | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, PROJECT_CONFIG_FILE);
    let text: string | undefined;
    try {
      if (fs.statSync(candidate).isFile()) text = fs.readFileSync(candidate, 'utf8');
    } catch {
      text = undefined; // missing or unreadable: keep walking up
    }
    if (text !== undefined) {
      return { path: candidate, ...parseProjectConfig(text) };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
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
