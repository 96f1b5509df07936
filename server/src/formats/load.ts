/**
 * Loads the format readers on first use. In the bundles they are dist/formats.js beside the caller
 * (dist/cli.js, dist/server.js), kept out of those bundles so that text reports never load pdf.js;
 * run from the compiled sources (tests), they are the formats module itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Formats from './index';

export type FormatsModule = typeof Formats;

/** The file to load or run (`node <file> pdf`). */
export function formatsEntry(): string {
  const bundled = path.join(__dirname, 'formats.js');
  return fs.existsSync(bundled) ? bundled : path.join(__dirname, '..', 'formats', 'index.js');
}

let loaded: FormatsModule | undefined;

export function loadFormats(): FormatsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(formatsEntry()) as FormatsModule;
  return loaded;
}
