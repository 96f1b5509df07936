/** Identifiers shared by the client modules; they are part of the contract with the manifest and the server. */
export const LANGUAGE_ID = 'gov-annual-report';
export const CONFIG_SECTION = 'govAnnualReport';

export const Commands = {
  /** Server-side (advertised in executeCommandProvider; vscode-languageclient registers it). */
  recomputeTotals: 'govAnnualReport.recomputeTotals',
  /** Server-side. */
  checkWorkspace: 'govAnnualReport.checkWorkspace',
  /** Client-side. */
  showOutput: 'govAnnualReport.showOutput',
  /** Client-side. */
  restartServer: 'govAnnualReport.restartServer',
} as const;

/** Custom server → client notification sent after each analysis. */
export const STATUS_NOTIFICATION = 'govAnnualReport/status';

/** What the server says about one analysed document. */
export interface ReportStatus {
  uri: string;
  year?: number;
  /**
   * The template checked against. Absent when the document was not analysed and the settings leave
   * the template to the report year (`auto`).
   */
  template?: '2019' | '2021';
  agency?: string;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Set when analysis was skipped (e.g. the file is above `govAnnualReport.maxFileSize`): the reason. */
  skipped?: string;
  /** Why analysis was skipped: `tooLarge` (above `govAnnualReport.maxFileSize` characters) or `empty`. */
  skipReason?: 'tooLarge' | 'empty';
}
