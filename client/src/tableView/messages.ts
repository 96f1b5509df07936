/**
 * The messages between the table view's webview (media/tableView/main.ts) and the extension host
 * (tableViewPanel.ts). Types only: both sides import this file.
 */
import type { TablesResult } from '../../../shared/tableView';

/** The view's own texts, localized by the extension host (vscode.l10n) before the page is built. */
export interface ViewStrings {
  title: string;
  recompute: string;
  recomputeHint: string;
  /** `{0}`: the expected value. */
  shouldBe: string;
  /** `{0}`: the table numeral. */
  table: string;
  noTable: string;
  readOnly: string;
  helpEditable: string;
  helpReadOnly: string;
  legend: string;
  broken: string;
  blank: string;
  invalid: string;
  contradicted: string;
  missing: string;
  /** `{0}`: the template year. */
  template: string;
  waiting: string;
  notAnalysed: string;
  editCell: string;
}

export type HostMessage =
  | { type: 'model'; model: NonNullable<TablesResult> }
  /** For the end-to-end tests: act as a user would, or report what is shown. */
  | { type: 'test'; id: number; action: TestAction };

export type TestAction =
  | { kind: 'state' }
  /** Focus the cell, type `text` into it and press Enter. */
  | { kind: 'edit'; key: string; text: string }
  /** Click the cell. */
  | { kind: 'click'; key: string }
  /** Press a key on the cell the keyboard is on; answers the key of the cell it is on then. */
  | { kind: 'key'; key: string }
  /** Click the Recompute Totals button (false when there is none: read-only). */
  | { kind: 'recompute' };

export interface ViewState {
  version: number | null;
  readOnly: boolean;
  /** Milliseconds the last render took to build the page (performance.now() in the webview)… */
  renderMs: number;
  /** …and until the frame after it (style, layout and paint included). */
  frameMs: number;
  renders: number;
  cells: number;
  /** Keys of the cells shown with each status. */
  statuses: Record<string, string[]>;
  /** The title attribute of each broken cell. */
  brokenTitles: Record<string, string>;
  /** Set by the host: milliseconds from the last document change to the webview having drawn it. */
  lastUpdateMs?: number;
  /** Set by the host: milliseconds the last request to the server took. */
  lastRequestMs?: number;
}

export type ViewMessage =
  | { type: 'ready' }
  | { type: 'rendered'; version: number | null; ms: number }
  | { type: 'reveal'; key: string }
  | { type: 'edit'; key: string; text: string; version: number | null }
  | { type: 'recompute' }
  | { type: 'testResult'; id: number; result: ViewState | string | boolean };
