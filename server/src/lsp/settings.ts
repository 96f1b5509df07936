/**
 * The editor settings of section `govAnnualReport`, declared ONCE here: names, JSON types, defaults and
 * allowed values. The server normalises what `workspace/configuration` returns against this table, and
 * test/lsp/manifest.test.ts checks package.json `contributes.configuration` against it (and the rule
 * list against the core's catalogue), so the manifest and the server cannot drift apart.
 */
import { RULES } from '../core/rules/catalogue';
import type { RuleSetting } from '../core/types';
import { RULE_SETTINGS, TEMPLATE_SETTINGS, isRuleSetting, isTemplateSetting, type TemplateSetting } from '../config';
import { SETTINGS_SECTION } from '../../../shared/protocol';

export { SETTINGS_SECTION };

export type RunSetting = 'onType' | 'onSave';
export type { TemplateSetting };

export interface Settings {
  run: RunSetting;
  template: TemplateSetting;
  rules: Record<string, RuleSetting>;
  maxFileSize: number;
  /** Hovers show a cell's canonical key (`requests.granted.total`), for rule authors and `.govreportrc.json`. */
  showCellKeys: boolean;
  /** Inlay hints: the column's label before a bare number of a one-cell-per-line table. */
  'inlayHints.columnLabels': boolean;
  /** Inlay hints: "← 应为 69" after a total that does not add up. */
  'inlayHints.expectedTotals': boolean;
}

/** What a manifest property must look like; a subset of JSON Schema, enough to compare with package.json. */
export interface SettingDeclaration {
  type: 'string' | 'number' | 'object' | 'boolean';
  default: unknown;
  enum?: readonly string[];
  minimum?: number;
  /** For `rules`: the allowed property names (rule codes) and values (severities). */
  propertyNames?: { enum: readonly string[] };
  additionalProperties?: { type: 'string'; enum: readonly string[] };
}

export const SETTINGS: { readonly [K in keyof Settings]: SettingDeclaration } = {
  run: { type: 'string', enum: ['onType', 'onSave'], default: 'onType' },
  template: { type: 'string', enum: TEMPLATE_SETTINGS, default: 'auto' },
  rules: {
    type: 'object',
    default: {},
    propertyNames: { enum: RULES.map((r) => r.code) },
    additionalProperties: { type: 'string', enum: RULE_SETTINGS },
  },
  maxFileSize: { type: 'number', default: 5_000_000, minimum: 0 },
  showCellKeys: { type: 'boolean', default: false },
  'inlayHints.columnLabels': { type: 'boolean', default: true },
  'inlayHints.expectedTotals': { type: 'boolean', default: true },
};

/**
 * Settings under `govAnnualReport.` that only the VS Code client reads (the server never asks for
 * them); listed so the manifest test can tell them from drift.
 */
export const CLIENT_ONLY_SETTINGS: readonly string[] = ['autoDetect', 'trace.server'];

export const DEFAULT_SETTINGS: Settings = {
  run: 'onType',
  template: 'auto',
  rules: {},
  maxFileSize: 5_000_000,
  showCellKeys: false,
  'inlayHints.columnLabels': true,
  'inlayHints.expectedTotals': true,
};

/**
 * Turns whatever a client answered (null, a partial object, wrong types: Neovim users type settings
 * by hand) into complete Settings; each invalid value falls back to its default on its own.
 */
export function normalizeSettings(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.run === 'string' && SETTINGS.run.enum!.includes(r.run)) s.run = r.run as RunSetting;
  if (isTemplateSetting(r.template)) s.template = r.template;
  if (typeof r.maxFileSize === 'number' && Number.isFinite(r.maxFileSize) && r.maxFileSize >= 0) s.maxFileSize = r.maxFileSize;
  if (typeof r.showCellKeys === 'boolean') s.showCellKeys = r.showCellKeys;
  // VS Code nests dotted names (`inlayHints: { columnLabels }`); a hand-written config may keep them flat.
  const hints = r.inlayHints !== null && typeof r.inlayHints === 'object' ? (r.inlayHints as Record<string, unknown>) : {};
  for (const name of ['columnLabels', 'expectedTotals'] as const) {
    const value = hints[name] ?? r[`inlayHints.${name}`];
    if (typeof value === 'boolean') s[`inlayHints.${name}`] = value;
  }
  if (r.rules !== null && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [code, value] of Object.entries(r.rules as Record<string, unknown>)) {
      if (isRuleSetting(value)) s.rules[code] = value;
    }
  }
  return s;
}
