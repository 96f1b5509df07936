/**
 * The table view's request (client → server), beyond standard LSP: the grids of tables 二, 三 and 四 of
 * an open report. Types and constants only, shared by the server handler, the VS Code client and tests.
 */
import type { TableGridModel } from '../server/src/core/tableGrid';

export type {
  GridCell, GridCellStatus, GridColumn, GridNote, GridRow, GridSection, TableGrid, TableGridModel,
} from '../server/src/core/tableGrid';

/** Request `govAnnualReport/tables`: params `TablesParams`, result `TablesResult`. */
export const TABLES_REQUEST = 'govAnnualReport/tables';

export interface TablesParams {
  /** The URI of an open report document. */
  uri: string;
}

/**
 * The grids of the document's version `version`. `null` when the document is not open or not a report;
 * when analysis was skipped (empty, too large, binary) `skipped` says why and `tables` is empty.
 */
export type TablesResult = (TableGridModel & { uri: string; version: number | null; skipped?: string }) | null;
