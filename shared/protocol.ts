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
