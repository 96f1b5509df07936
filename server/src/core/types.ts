/**
 * The data types of the core: what a parsed report looks like and what a check produces.
 * Positions follow LSP (0-based line, UTF-16 character); spans are UTF-16 offsets into the text.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open interval of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Locale = 'zh-cn' | 'en';
export type TemplateVersion = '2019' | '2021';
export type TableKey = 'active' | 'requests' | 'review';
export type PartKey = 'overview' | 'active' | 'requests' | 'review' | 'problems' | 'other';
/**
 * The plain-text shapes tables are read in (docs/format.md, “Shapes a table arrives in”); `aligned` is PDF text, cells aligned by
 * spaces; `flat` a web page flattened onto one line, labels and numbers run together.
 */
export type TableShape = 'tab' | 'pipe' | 'markdown' | 'aligned' | 'flat';

/** Canonical cell key, e.g. `requests.granted.natural`, `review.direct.total`, `active.normative.effective`. */
export type CellKey = string;

export type CellStatus = 'ok' | 'blank' | 'invalid';

/** One mapped table cell. */
export interface Cell {
  key: CellKey;
  table: TableKey;
  /** Row key within the table, e.g. `denied.3`. */
  row: string;
  /** Column key within the table, e.g. `natural`. */
  column: string;
  /** The cell's text as written, trimmed. */
  text: string;
  /** The trimmed value text; for a blank cell an empty span where a value would be typed. */
  span: Span;
  status: CellStatus;
  /** The numeric value when status is `ok`. */
  value: number | null;
  /**
   * The cell's digits ran together with its neighbours' and were split by the table's arithmetic (the
   * only split that makes every relation hold); `run` is the text the split was made in.
   */
  recovered?: { run: string };
}

/** One line-oriented heading such as `一、总体情况`, `（二）…`, `3.…`, `（4）…`. */
export interface Heading {
  /** 1: 一、  2: （一）  3: 1.  4: （1） — as the numeral's style says. */
  level: 1 | 2 | 3 | 4;
  /** The level the heading takes in the outline (differs from `level` for misnumbered headings). */
  outlineLevel: 1 | 2 | 3 | 4;
  /** Ordinal value of the numeral (1-based), 0 when the heading has no numeral. */
  ordinal: number;
  /** The numeral as written, including its brackets/separator, e.g. `（4）`, `1、`. */
  numeral: string;
  numeralSpan: Span;
  /** Title text after the numeral (to the end of the first sentence for run-in headings). */
  title: string;
  titleSpan: Span;
  /** The whole line, without its line break. */
  lineSpan: Span;
  line: number;
  /** Set when the heading is one of the six official parts. */
  part?: PartKey;
}

export interface Part {
  key: PartKey;
  heading: Heading;
  /** From the heading line to just before the next level-1 heading (or the end of the text). */
  span: Span;
}

export interface ParsedTable {
  key: TableKey;
  shape: TableShape;
  /** The template the table's own shape follows, when it can be told. */
  version?: TemplateVersion;
  span: Span;
  /** Span of the table's first cell (its caption), where table-level findings go. */
  anchor: Span;
  cells: Cell[];
  /** Why the table (or part of it) could not be mapped; empty when fully mapped. */
  problems: TableProblem[];
}

export interface TableProblem {
  /** Message key of the reason, see `reason.*` in rules/messages.ts. */
  reason: string;
  args: Record<string, string | number>;
  span: Span;
}

export interface ReportYear {
  value: number;
  span: Span;
  source: 'title' | 'period';
}

export interface StatisticsPeriod {
  from: { year: number; month: number; day: number };
  to: { year: number; month: number; day: number };
  span: Span;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** An edit a quick fix applies, with a localized title. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix VS Code should offer first (at most one per finding). */
  preferred: boolean;
}

export interface RelatedLocation {
  range: Range;
  cell?: CellKey;
  message: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  range: Range;
  message: string;
  /** The canonical key of the cell the finding is about, when there is one. */
  cell?: CellKey;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** The values the message was made from (expected, actual, …), for tools and quick fixes. */
  args?: Record<string, string | number>;
}

export type RuleSetting = Severity | 'off';

export interface AnalyzeOptions {
  locale?: Locale;
  /** `auto` (default) takes the template from the report year. */
  template?: 'auto' | TemplateVersion;
  /** Per-code severity overrides; `off` drops the code. */
  rules?: Record<string, RuleSetting>;
}

/** Converts between UTF-16 offsets and LSP positions for one text. */
export interface LineIndex {
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(span: Span): Range;
  /** Offsets where each line starts. */
  readonly lineStarts: readonly number[];
}

/** The typed model of one report: what `parseReport` returns. */
export interface ReportDocument {
  text: string;
  lines: LineIndex;
  /** The report year, from the title or else from the statistics period. */
  year?: ReportYear;
  /** The title line(s), when found. */
  title?: { text: string; span: Span };
  /** The body that publishes the report, e.g. 济南市天桥区人民政府. */
  agency?: string;
  period?: StatisticsPeriod;
  /** The template the report is checked against (see `templateSource`). */
  template: TemplateVersion;
  templateSource: 'option' | 'year' | 'tables' | 'default';
  headings: Heading[];
  parts: Part[];
  tables: ParsedTable[];
  /** Every mapped cell by canonical key. */
  cells: Map<CellKey, Cell>;
}

/** Hover content for a position: Markdown, localized. */
export interface HoverInfo {
  range: Range;
  markdown: string;
  /** The cell under the position, when it is a table cell. */
  cell?: CellKey;
}

/** A cell that shares a relation with the cell under the cursor (document highlights). */
export interface RelatedCell {
  cell: CellKey;
  range: Range;
  /** `self`: the cell under the cursor; `total`: a derived cell of one of its relations; `term`: a term. */
  role: 'self' | 'total' | 'term';
}

/** `row`: a table row; `totalRow`: a row of totals of other rows (table 三's （七）总计). */
export type OutlineKind = 'part' | 'heading' | 'table' | 'row' | 'totalRow';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** What a status line shows about a report. */
export interface ReportSummary {
  year?: number;
  template: TemplateVersion;
  agency?: string;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}
