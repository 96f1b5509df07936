/**
 * `govAnnualReport.checkWorkspace`: finds the reports in every workspace folder, analyses them and
 * publishes their diagnostics even when they are not open (the Problems view then lists the whole
 * folder, like ESLint's lint task). Open documents are not re-read from disk: the editor's text wins.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasReportExtension, isWalkedFolder, notAReport } from '../../config/reportFiles';
import { analyzeText, type Analysis } from '../analysisCache';
import type { ServerContext } from '../context';
import { message } from '../messages';
import { crossYearFindings } from './crossYear';
import { sendWorkspaceSummary } from './summary';

export interface WorkspaceCheckResult {
  files: number;
  errors: number;
  warnings: number;
}

export async function checkWorkspace(ctx: ServerContext): Promise<WorkspaceCheckResult> {
  const progress = await ctx.connection.window.createWorkDoneProgress();
  progress.begin(message('workspace.title', ctx.locale), 0, undefined, false);
  const result: WorkspaceCheckResult = { files: 0, errors: 0, warnings: 0 };
  try {
    const candidates: string[] = [];
    for (const root of ctx.workspaceRoots()) await collect(root, candidates);
    const analysed: Analysis[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const file = candidates[i];
      progress.report(Math.floor((i / candidates.length) * 100), message('workspace.progress', ctx.locale, {
        done: i + 1,
        total: candidates.length,
        file: path.basename(file),
      }));
      const analysis = await analyzeFile(ctx, file);
      if (analysis) analysed.push(analysis);
    }
    // Published once all are analysed, so each report can be paired with last year's (as the CLI does
    // with the files it is given).
    for (const analysis of analysed) {
      const status = ctx.publisher.publish(analysis, crossYearFindings(analysis, analysed));
      result.files++;
      result.errors += status.errors;
      result.warnings += status.warnings;
    }
    sendWorkspaceSummary(ctx, analysed);
  } finally {
    progress.done();
  }
  return result;
}

async function analyzeFile(ctx: ServerContext, file: string): Promise<Analysis | undefined> {
  const uri = pathToFileURL(file).href;
  const open = ctx.documents.get(uri);
  if (open) return ctx.analysisOf(open);
  const options = await ctx.config.forDocument(uri);
  try {
    const stat = await fs.stat(file);
    const limit = options.settings.maxFileSize;
    // The limit counts characters (UTF-16 units); a UTF-8 file has at most 3 bytes per unit, so this
    // rejects hopeless files before reading them.
    if (stat.size > 3 * limit) return undefined;
    const text = await fs.readFile(file, 'utf8');
    if (text.length > limit) return undefined;
    if (notAReport(file, text)) return undefined;
    return analyzeText({ uri, version: undefined, getText: () => text }, options, ctx.log);
  } catch (e) {
    ctx.log(`checkWorkspace: cannot read ${file}: ${String(e)}`);
    return undefined;
  } finally {
    // Closed files are checked once; keeping their options would grow the cache with the folder.
    ctx.config.forget(uri);
  }
}

async function collect(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: skip it, the rest of the workspace still gets checked
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symbolic links are not followed: a link to an ancestor would loop forever.
    if (entry.isDirectory()) {
      if (isWalkedFolder(entry.name)) await collect(full, out);
    } else if (entry.isFile() && hasReportExtension(entry.name)) {
      out.push(full);
    }
  }
}
