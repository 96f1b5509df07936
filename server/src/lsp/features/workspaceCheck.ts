/**
 * `govAnnualReport.checkWorkspace`: finds the reports in every workspace folder, analyses them and
 * publishes their diagnostics even when they are not open (the Problems view then lists the whole
 * folder, like ESLint's lint task). Open documents are not re-read from disk: the editor's text wins.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasReportExtension, notAReport } from '../../config/reportFiles';
import { sortFindings, type Finding } from '../../core';
import { encodingFindings } from '../../files/encodingFindings';
import { CrossYearPairing } from '../../files/pairing';
import { readReportFile } from '../../files/read';
import { walkFolder } from '../../files/walk';
import { analyzeText, type Analysis } from '../analysisCache';
import type { ServerContext } from '../context';
import { message } from '../messages';
import { sendWorkspaceSummary, summaryRow } from './summary';
import type { ReportSummaryRow } from '../../../../shared/summary';

export interface WorkspaceCheckResult {
  files: number;
  errors: number;
  warnings: number;
  /** The user cancelled the check: the totals cover the files checked until then. */
  cancelled?: boolean;
}

/**
 * Each file is published as soon as it is analysed and then dropped, so the server's memory does not
 * grow with the workspace: only the cross-year pairing keeps a few cells a report (files/pairing.ts).
 * A report whose previous year's report comes later is published again when that one is reached.
 * The check yields to the event loop between files, so a cancellation from the progress UI is heard.
 * At the end (also when cancelled) the reviewer's summary gets one small row per report checked.
 */
export async function checkWorkspace(ctx: ServerContext): Promise<WorkspaceCheckResult> {
  const progress = await ctx.connection.window.createWorkDoneProgress();
  progress.begin(message('workspace.title', ctx.locale), 0, undefined, true);
  const result: WorkspaceCheckResult = { files: 0, errors: 0, warnings: 0 };
  try {
    const candidates: string[] = [];
    for (const root of ctx.workspaceRoots()) {
      try {
        for (const found of walkFolder(root, hasReportExtension)) {
          if (found.problem) ctx.log(`checkWorkspace: ${found.problem.message}`);
          else candidates.push(found.file);
        }
      } catch (e) {
        ctx.log(`checkWorkspace: cannot read ${root}: ${String(e)}`); // a workspace folder that is gone
      }
    }
    const pairing = new CrossYearPairing<string>();
    const rows = new Map<string, ReportSummaryRow>();
    const publish = (checked: { analysis: Analysis; extra: Finding[] }, findings: Finding[]) => {
      const status = ctx.publisher.publish(checked.analysis, findings);
      rows.set(checked.analysis.uri, summaryRow(status, [...checked.analysis.findings, ...findings]));
      return status;
    };
    for (let i = 0; i < candidates.length; i++) {
      if (progress.token.isCancellationRequested) {
        result.cancelled = true;
        break;
      }
      const file = candidates[i];
      progress.report(Math.floor((i / candidates.length) * 100), message('workspace.progress', ctx.locale, {
        done: i + 1,
        total: candidates.length,
        file: path.basename(file),
      }));
      const checked = await analyzeFile(ctx, file);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!checked?.analysis.document) {
        if (checked) count(result, publish(checked, checked.extra));
        continue;
      }
      const { analysis, extra } = checked;
      const paired = pairing.add(analysis.document!, analysis.options.analyze, file);
      count(result, publish(checked, sortFindings([...extra, ...paired.findings])));
      for (const waiting of paired.waiting) {
        const again = await analyzeFile(ctx, waiting);
        if (!again?.analysis.document) continue;
        const late = pairing.compare(analysis.document!, again.analysis.document, again.analysis.options.analyze);
        if (late.length === 0) continue;
        publish(again, sortFindings([...again.extra, ...late]));
        // Counted once already: only the new findings add to the totals.
        result.errors += late.filter((f) => f.severity === 'error').length;
        result.warnings += late.filter((f) => f.severity === 'warning').length;
      }
    }
    sendWorkspaceSummary(ctx, [...rows.values()]);
  } finally {
    progress.done();
  }
  return result;
}

function count(result: WorkspaceCheckResult, status: { errors: number; warnings: number }): void {
  result.files++;
  result.errors += status.errors;
  result.warnings += status.warnings;
}

/** A file's analysis and the findings made outside the core (encoding.invalid). */
async function analyzeFile(ctx: ServerContext, file: string): Promise<{ analysis: Analysis; extra: Finding[] } | undefined> {
  const uri = pathToFileURL(file).href;
  const open = ctx.documents.get(uri);
  if (open) return { analysis: await ctx.analysisOf(open), extra: [] };
  const options = await ctx.config.forDocument(uri);
  try {
    const limit = options.settings.maxFileSize;
    // The limit counts characters (UTF-16 units); a UTF-8 file has at most 3 bytes per unit, so this
    // rejects hopeless files before reading them. The reader refuses FIFOs, devices and link loops.
    const read = readReportFile(file, 3 * limit);
    if (read.text.length > limit) return undefined;
    if (notAReport(file, read.text)) return undefined;
    const analysis = analyzeText({ uri, version: undefined, getText: () => read.text }, options, ctx.log);
    const extra = analysis.document ? encodingFindings(read.invalid, analysis.document.lines, options.analyze) : [];
    return { analysis, extra };
  } catch (e) {
    ctx.log(`checkWorkspace: cannot read ${file}: ${String(e)}`);
    return undefined;
  } finally {
    // Closed files are checked once; keeping their options would grow the cache with the folder.
    ctx.config.forget(uri);
  }
}
