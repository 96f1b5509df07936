/** Identifiers shared by the client modules; they are part of the contract with the manifest and the server. */
import { SERVER_COMMANDS, STATUS_NOTIFICATION, type StatusParams } from '../../server/src/protocol';

export const LANGUAGE_ID = 'gov-annual-report';
export const CONFIG_SECTION = 'govAnnualReport';

export const Commands = {
  /** Server-side (advertised in executeCommandProvider; vscode-languageclient registers them). */
  ...SERVER_COMMANDS,
  /** Client-side. */
  showOutput: 'govAnnualReport.showOutput',
  /** Client-side. */
  restartServer: 'govAnnualReport.restartServer',
} as const;

export { STATUS_NOTIFICATION };

/** What the server says about one analysed document. */
export type ReportStatus = StatusParams;
