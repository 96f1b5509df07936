/**
 * The contract between the language server and its clients beyond standard LSP: the language id, the
 * settings section, the commands the server executes and the status notification it sends. Types and
 * constants only, so the VS Code client, the server and the tests all import this one file.
 * package.json repeats the language id, the section and the commands (VS Code reads them there);
 * test/lsp/boundary.test.ts checks that the two agree.
 */

/** The language id of annual reports (documents of other languages get nothing from the server). */
export const LANGUAGE_ID = 'gov-annual-report';

/** The settings section: `govAnnualReport.run`, `govAnnualReport.rules`, … */
export const SETTINGS_SECTION = 'govAnnualReport';

/** Commands served through `workspace/executeCommand`. */
export const SERVER_COMMANDS = {
  /** Arguments `[uri, version?]`: one `workspace/applyEdit` with the recompute plan. */
  recomputeTotals: 'govAnnualReport.recomputeTotals',
  /** Checks every report file of the workspace folders and publishes their diagnostics. */
  checkWorkspace: 'govAnnualReport.checkWorkspace',
} as const;

/** A cell `recomputeTotals` (or a fix-all) changed. */
export interface ChangedCell {
  /** The cell's official label in the editor's language: "表三（一）予以公开×总计". */
  label: string;
  before: string;
  after: string;
  /** Where the new value is (LSP range, zero-based). */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** What `recomputeTotals` answers. */
export interface RecomputeResult {
  applied: number;
  /** The cells changed, in text order. */
  changes?: ChangedCell[];
  /** "已修改 1 处：表三（一）予以公开×总计 70 → 69", in the editor's language; absent when nothing changed. */
  message?: string;
}

/**
 * initializationOptions a client may send. `changeSummary`: the client shows what `recomputeTotals`
 * changed itself (with Show / Undo actions), from the result, and runs
 * `CLIENT_COMMANDS.showChanges` after a fix-all code action; without it the server shows the summary
 * as a plain window/showMessage.
 */
export interface InitializationOptions {
  locale?: string;
  changeSummary?: boolean;
}

/** Commands a client with `changeSummary` implements: `[uri: string, result: RecomputeResult]`. */
export const CLIENT_COMMANDS = {
  showChanges: 'govAnnualReport.showChanges',
} as const;

/** Server → client notification after each analysis (clients may ignore it). */
export const STATUS_NOTIFICATION = 'govAnnualReport/status';

/** Why a document was not analysed: above `govAnnualReport.maxFileSize` characters, empty, or binary data. */
export type SkipReason = 'tooLarge' | 'empty' | 'binary';

/** Params of `govAnnualReport/status`. */
export interface StatusParams {
  uri: string;
  year?: number;
  /**
   * The template the report was checked against. When analysis was skipped: the configured template
   * if the settings fix one, else absent (with `auto` it follows from a year nobody read).
   */
  template?: '2019' | '2021';
  agency?: string;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Localized reason when the document was not analysed. */
  skipped?: string;
  skipReason?: SkipReason;
}
