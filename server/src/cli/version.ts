/** What `gov-annual-report --version` reports: the package version and the templates the checker knows. */
import { version } from '../../../package.json';
import type { TemplateVersion } from '../core';
import { ACTIVE_ROWS } from '../core/template';

/** The version lives in package.json only; esbuild inlines this one field into the bundle. */
export const TOOL_VERSION: string = version;

/** The template versions of the core's template data, oldest first (integer-like keys enumerate in ascending order). */
export const TEMPLATE_VERSIONS = Object.keys(ACTIVE_ROWS) as TemplateVersion[];
