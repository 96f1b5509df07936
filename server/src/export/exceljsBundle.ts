/**
 * The entry of dist/xlsx.js: exceljs on its own, which the language server loads only when a summary is
 * exported (scripts/build.mjs points the server's `exceljs` import here). Kept out of dist/server.js so
 * that the server starts and idles without a megabyte of spreadsheet code.
 */
import ExcelJS = require('exceljs');

// module.exports itself, as the package's own entry: `import()` of it then gives it as `default`.
export = ExcelJS;
