/**
 * Where each document's analysis options come from: the editor's `govAnnualReport` settings (pulled
 * with `workspace/configuration`, scoped to the document so folder settings work) layered over the
 * nearest `.govreportrc.json` (the loader the CLI uses too). Results are cached per document and per
 * folder and dropped on `didChangeConfiguration` / a watched config file change.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { describeConfigProblem, findProjectConfig, mergeOptions } from '../config';
import type { AnalyzeOptions, Locale } from '../core/types';
import { normalizeSettings, SETTINGS_SECTION, type Settings } from './settings';

/** Everything a document's analysis depends on besides its text. */
export interface DocumentOptions {
  settings: Settings;
  analyze: AnalyzeOptions;
  locale: Locale;
}

export interface ConfigurationEnvironment {
  locale: Locale;
  /** The client answers `workspace/configuration` (else settings arrive pushed in didChangeConfiguration). */
  pullSettings: boolean;
  /** File-system paths of the workspace folders, for documents that have no folder of their own. */
  workspaceRoots: () => readonly string[];
  /** Reports an invalid `.govreportrc.json` once per distinct set of problems, in `locale`. */
  onProjectConfigErrors: (configPath: string, errors: string[]) => void;
}

type ProjectConfigLookup = ReturnType<typeof findProjectConfig>;

export class ConfigurationStore {
  private readonly byUri = new Map<string, Promise<DocumentOptions>>();
  private readonly projectConfigByDir = new Map<string, ProjectConfigLookup>();
  /** Settings pushed by a client without `workspace/configuration` support. */
  private pushed: Settings = normalizeSettings(undefined);
  private readonly reportedErrors = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly env: ConfigurationEnvironment,
  ) {}

  /** The options for a document; the promise is cached, so after the first call this costs a microtask. */
  forDocument(uri: string): Promise<DocumentOptions> {
    let p = this.byUri.get(uri);
    if (!p) {
      p = this.resolve(uri);
      this.byUri.set(uri, p);
    }
    return p;
  }

  /** Forget one document (closed, or checked once by the workspace check) so the cache stays bounded. */
  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** Settings or config files changed: everything must be resolved again. */
  reset(pushedSettings?: unknown): void {
    if (pushedSettings !== undefined) this.pushed = normalizeSettings(pushedSettings);
    this.byUri.clear();
    this.projectConfigByDir.clear();
  }

  private async resolve(uri: string): Promise<DocumentOptions> {
    const settings = this.env.pullSettings ? await this.pull(uri) : this.pushed;
    const project = this.projectConfigFor(uri);
    return {
      settings,
      locale: this.env.locale,
      analyze: { locale: this.env.locale, ...mergeOptions(project?.config, settings) },
    };
  }

  private async pull(uri: string): Promise<Settings> {
    try {
      const [value] = await this.connection.sendRequest<unknown[]>('workspace/configuration', {
        items: [{ scopeUri: uri, section: SETTINGS_SECTION }],
      });
      return normalizeSettings(value);
    } catch (e) {
      // A client that fails the request should still get diagnostics, with defaults.
      this.connection.console.warn(`workspace/configuration failed: ${String(e)}`);
      return normalizeSettings(undefined);
    }
  }

  private projectConfigFor(uri: string): ProjectConfigLookup {
    const dir = directoryOf(uri) ?? this.env.workspaceRoots()[0];
    if (dir === undefined) return undefined;
    if (this.projectConfigByDir.has(dir)) return this.projectConfigByDir.get(dir);
    const found = findProjectConfig(dir, this.env.workspaceRoots());
    this.projectConfigByDir.set(dir, found);
    if (found && found.problems.length > 0) {
      const errors = found.problems.map((p) => describeConfigProblem(p, this.env.locale));
      const key = `${found.path}\n${errors.join('\n')}`;
      if (!this.reportedErrors.has(key)) {
        this.reportedErrors.add(key);
        this.env.onProjectConfigErrors(found.path, errors);
      }
    }
    return found;
  }
}

/** The folder of a `file:` URI; other schemes (untitled:, vscode-notebook:) have none. */
export function directoryOf(uri: string): string | undefined {
  const p = filePathOf(uri);
  return p === undefined ? undefined : path.dirname(p);
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
