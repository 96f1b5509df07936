/**
 * Identifiers the client modules use. What the server shares (language id, settings section, commands,
 * the status notification) comes from shared/protocol.ts, the only place the client learns about the
 * server; the client-side commands are added here.
 */
import { LANGUAGE_ID, SERVER_COMMANDS, SETTINGS_SECTION, STATUS_NOTIFICATION, type StatusParams } from '../../shared/protocol';

export { LANGUAGE_ID, STATUS_NOTIFICATION };
export const CONFIG_SECTION = SETTINGS_SECTION;

export const Commands = {
  /** Server-side (advertised in executeCommandProvider; vscode-languageclient registers them). */
  ...SERVER_COMMANDS,
  /** Client-side. */
  showOutput: 'govAnnualReport.showOutput',
  /** Client-side. */
  restartServer: 'govAnnualReport.restartServer',
} as const;

/** What the server says about one analysed document. */
export type ReportStatus = StatusParams;
