/**
 * The public API of the core: pure functions, text in, data out. The language server, the CLI and
 * the VS Code client import only from here.
 */
export * from './types';
export { RULES, RULES_BY_CODE, ruleDocsUrl, type RuleCode, type RuleDefinition } from './rules/catalogue';
export { format, formatIn, inLocale, joinClauses, type MessageArgs } from './rules/messages';
export { parseReport } from './model/parseReport';
export { looksBinary } from './text';
export { checkReport, analyzeReport, sortFindings, summarize } from './check';
export { isPublishedText, planRecompute, recomputeByTable, recomputeChanges, applyEdits, type RecomputeChange } from './recompute';
export { completionsAt, type CompletionSuggestion } from './complete';
export { definitionsAt, describeAt, referencesAt, relatedCellsAt } from './describe';
export { outlineReport, foldingRanges } from './outline';
export { inlayHints, type InlayHintOptions, type ReportInlayHint } from './inlayHints';
export { compareWithPreviousYear, isPreviousYearOf, sameAgency } from './rules/crossYear';
export { tableGrid, type GridCell, type GridCellStatus, type GridColumn, type GridNote, type GridRow, type GridSection, type TableGrid, type TableGridModel } from './tableGrid';
