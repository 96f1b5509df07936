/** Table presence, mapping problems, template version, cell values and plausibility (FORMAT.md §1, §3–§6). */
import { cellLabel } from '../template/labels';
import { renderTable } from '../template/render';
import { ACTIVE_ROWS, FEE_AMOUNT_YUAN_SUSPECT, PARTS, TABLES, cellKey } from '../template/template';
import { countWithUnit } from '../model/values';
import { chineseNumeral } from '../text';
import { inLocale, localize, type StringKey } from './catalogue';
import type { RuleContext } from './context';
import { termRelated, validCell } from './sums';

export function checkTables(ctx: RuleContext): void {
  const { doc } = ctx;
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  for (const part of doc.parts) {
    const t = PARTS.find((p) => p.key === part.key)!;
    if (!t.table || doc.tables.some((x) => x.key === t.table)) continue;
    const table = TABLES[t.table];
    const at = part.heading.lineSpan.end;
    const newText = eol + renderTable(t.table, doc.template, doc.tables[0]?.shape ?? 'markdown', eol).replace(new RegExp(`${eol}$`), '');
    ctx.report('table.missing', part.heading.lineSpan, { numeral: chineseNumeral(t.number), table: table.numeral, caption: table.caption.zh }, {
      fixes: [{ title: localize('fix.insertTable', ctx.locale, { table: table.numeral }), edits: [{ span: { start: at, end: at }, newText }], preferred: true, safe: false }],
    });
  }

  for (const table of doc.tables) {
    const numeral = TABLES[table.key].numeral;
    for (const p of table.problems) {
      ctx.report('table.unparsed', p.span, { table: numeral, reason: localize(p.reason as StringKey, ctx.locale, p.args) });
    }
    if (table.version && table.version !== doc.template && (doc.templateSource === 'year' || doc.templateSource === 'option')) {
      ctx.report('template.version', table.anchor, { year: doc.year?.value ?? '', expected: doc.template, actual: table.version, table: numeral });
    }
    const version = table.version ?? doc.template;
    for (const cell of table.cells) {
      if (cell.status === 'ok') continue;
      const label = cellLabel(cell.key, version, ctx.locale);
      if (cell.status === 'blank') {
        // What the message asks for, one click away; never preferred or in fix-all: blank is not 0.
        ctx.report('cell.blank', cell.span, { label }, {
          cell: cell.key,
          fixes: [{ title: localize('fix.fillZero', ctx.locale), edits: [{ span: cell.span, newText: '0' }], preferred: false, safe: false }],
        });
      } else {
        const kind = /amount$/.test(cell.column) ? 'word.amount' : cell.column === 'delta' ? 'word.delta' : 'word.integer';
        const count = kind === 'word.integer' ? countWithUnit(cell.text) : undefined;
        ctx.report('cell.invalid', cell.span, { label, kind: localize(kind, ctx.locale), text: cell.text }, {
          cell: cell.key,
          fixes: count && [{
            title: localize('fix.dropUnit', ctx.locale, { value: count.value, unit: count.unit }),
            edits: [{ span: cell.span, newText: String(count.value) }],
            preferred: true,
            safe: false,
          }],
        });
      }
    }
  }
}

/**
 * Table 二 numbers that cannot all be right (`table.plausibility`): more documents issued this year
 * than are in force plus were repealed; and a 收费金额 so large it was probably typed in 元 (`table.unit`).
 */
export function checkPlausibility(ctx: RuleContext): void {
  const { doc } = ctx;
  if (doc.template !== '2021') return;
  for (const row of ACTIVE_ROWS['2021']) {
    const issued = validCell(doc, cellKey('active', row.key, 'issued'));
    const effective = validCell(doc, cellKey('active', row.key, 'effective'));
    const repealed = validCell(doc, cellKey('active', row.key, 'repealed'));
    if (!issued || !effective || !repealed || issued.value! <= effective.value! + repealed.value!) continue;
    ctx.report('table.plausibility', issued.span, {
      label: inLocale(row.label, ctx.locale), issued: issued.value!, effective: effective.value!, repealed: repealed.value!,
    }, { cell: issued.key, related: [termRelated(effective, '2021', ctx.locale), termRelated(repealed, '2021', ctx.locale)] });
  }
  const fee = validCell(doc, cellKey('active', 'fees', 'amount'));
  if (fee && fee.value! >= FEE_AMOUNT_YUAN_SUSPECT) {
    const value = String(Number((fee.value! / 10_000).toFixed(6)));
    ctx.report('table.unit', fee.span, { amount: fee.text.trim() }, {
      cell: fee.key,
      fixes: [{ title: localize('fix.toWanYuan', ctx.locale, { value }), edits: [{ span: fee.span, newText: value }], preferred: false, safe: false }],
    });
  }
}
