/**
 * The table view's page: draws the grids the extension host sends, moves between cells from the keyboard
 * (a roving tabindex per grid, as in the WAI-ARIA grid pattern), and sends back what the user does —
 * reveal a cell, write a typed value, recompute. It never changes the report itself: the host does.
 */
import './main.css';
import type { GridCell, GridRow, GridSection, TableGrid } from '../../shared/tableView';
import type { HostMessage, TestAction, ViewMessage, ViewState, ViewStrings } from '../../client/src/tableView/messages';

type Model = Extract<HostMessage, { type: 'model' }>['model'];

declare function acquireVsCodeApi(): { postMessage(message: ViewMessage): void };
const vscode = acquireVsCodeApi();
const S = JSON.parse(document.getElementById('strings')!.textContent ?? '{}') as ViewStrings;
const root = document.getElementById('root')!;

let model: Model | undefined;
/** A model that arrived while a cell was being edited: drawn once the edit ends. */
let deferred: Model | undefined;
let editing: { cell: HTMLTableCellElement; input: HTMLInputElement; original: string } | undefined;
let lastRenderMs = 0;
let lastFrameMs = 0;
let renders = 0;
/** The cell the keyboard is on (also while the page itself has no focus). */
let current: HTMLTableCellElement | undefined;

const format = (template: string, ...args: (string | number)[]) =>
  template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

// ---- drawing -------------------------------------------------------------------------------------

function render(m: Model): void {
  const started = performance.now();
  const focusedKey = current?.dataset.key;
  model = m;
  const page = document.createDocumentFragment();
  const header = el('header', { class: 'bar' },
    el('h1', {}, S.title),
    el('span', { class: 'template' }, format(S.template, m.template)));
  if (m.readOnly) {
    header.append(el('p', { class: 'banner', role: 'note' }, S.readOnly));
  } else if (m.tables.some((t) => t.found)) {
    const button = el('button', { type: 'button', class: 'recompute', title: S.recomputeHint }, S.recompute);
    button.addEventListener('click', () => vscode.postMessage({ type: 'recompute' }));
    header.append(button);
  }
  page.append(header);
  if (m.skipped) {
    page.append(el('p', { class: 'empty' }, format(S.notAnalysed, m.skipped)));
  } else {
    page.append(el('p', { class: 'help' }, m.readOnly ? S.helpReadOnly : S.helpEditable), legend());
    for (const table of m.tables) page.append(renderTable(table, m.readOnly));
  }
  root.replaceChildren(page);
  // Keep the keyboard where it was: the same cell, or the first cell of each grid.
  for (const grid of root.querySelectorAll<HTMLTableElement>('table[role="grid"]')) {
    const first = grid.querySelector<HTMLElement>('td[data-key]');
    if (first) first.tabIndex = 0;
  }
  // Only a page that has the focus takes it back: a redraw while the clerk types in the editor must not.
  if (focusedKey) focusCell(root.querySelector<HTMLTableCellElement>(`td[data-key="${CSS.escape(focusedKey)}"]`), document.hasFocus());
  lastRenderMs = performance.now() - started;
  renders++;
  // Reported after the next frame, so the time includes style, layout and paint of the new grids.
  requestAnimationFrame(() => setTimeout(() => {
    lastFrameMs = performance.now() - started;
    vscode.postMessage({ type: 'rendered', version: m.version, ms: lastFrameMs });
  }));
}

function legend(): HTMLElement {
  const item = (status: string, label: string) => el('li', {}, el('span', { class: `swatch cell-${status}`, 'aria-hidden': 'true' }), label);
  return el('ul', { class: 'legend', 'aria-label': S.legend },
    item('broken', S.broken), item('contradicted', S.contradicted), item('invalid', S.invalid), item('blank', S.blank), item('missing', S.missing));
}

function renderTable(table: TableGrid, readOnly: boolean): HTMLElement {
  const name = format(S.table, table.numeral);
  const section = el('section', { class: 'table' }, el('h2', {}, `${name}　${table.caption}`));
  if (!table.found) {
    section.append(el('p', { class: 'empty' }, format(S.noTable, table.numeral)));
    return section;
  }
  for (const s of table.sections) section.append(renderGrid(name, s, readOnly));
  return section;
}

function renderGrid(tableName: string, s: GridSection, readOnly: boolean): HTMLElement {
  const label = s.caption ? `${tableName} ${s.caption}` : tableName;
  const grid = el('table', { role: 'grid', 'aria-label': label, 'aria-readonly': String(readOnly) });
  if (s.caption) grid.append(el('caption', {}, s.caption));
  const head = el('tr', { role: 'row' }, el('td', { class: 'corner', role: 'presentation' }));
  for (const c of s.columns) head.append(el('th', { role: 'columnheader', scope: 'col' }, c.label));
  grid.append(el('thead', {}, head));
  const body = el('tbody');
  let groups: string[] = [];
  for (const row of s.rows) {
    // A header line for each group the row enters (三、本年度办理结果, （三）不予公开).
    row.groups.forEach((g, depth) => {
      if (groups[depth] === g) return;
      body.append(el('tr', { class: 'group', role: 'row' },
        el('th', { role: 'rowheader', scope: 'rowgroup', colspan: String(s.columns.length + 1), style: `padding-left: ${0.5 + depth}em` }, el('span', { class: 'group-label' }, g))));
    });
    groups = row.groups;
    body.append(renderRow(row, s, readOnly));
  }
  grid.append(body);
  return el('div', { class: 'grid-wrap' }, grid);
}

function renderRow(row: GridRow, s: GridSection, readOnly: boolean): HTMLElement {
  const tr = el('tr', { role: 'row', 'data-cells': '' },
    el('th', { role: 'rowheader', scope: 'row', style: `padding-left: ${0.5 + row.groups.length}em` }, row.label));
  row.cells.forEach((cell, i) => tr.append(renderCell(cell, row.label, s.columns[i]?.label ?? '', readOnly)));
  return tr;
}

function renderCell(cell: GridCell, rowLabel: string, columnLabel: string, readOnly: boolean): HTMLTableCellElement {
  const td = el('td', { role: 'gridcell', tabindex: '-1', 'data-key': cell.key, 'data-status': cell.status, class: `cell cell-${cell.status}` });
  if (readOnly || cell.status === 'missing') td.setAttribute('aria-readonly', 'true');
  td.append(el('span', { class: 'value' }, cell.text));
  const lines: string[] = [];
  if (cell.status === 'broken' && cell.expected !== undefined) {
    const should = format(S.shouldBe, cell.expected);
    td.append(el('span', { class: 'expected' }, should));
    lines.push(cell.formula ? `${should} = ${cell.formula}` : should);
  }
  for (const n of cell.notes) lines.push(n.message);
  const status = cell.status === 'ok' ? '' : statusWord(cell.status);
  if (lines.length > 0) td.title = lines.join('\n');
  else if (status) td.title = status;
  td.setAttribute('aria-label', `${rowLabel} × ${columnLabel}: ${cell.text || S.blank}${status ? `, ${status}` : ''}${lines.length ? `. ${lines[0]}` : ''}`);
  return td;
}

function statusWord(status: GridCell['status']): string {
  return { ok: '', blank: S.blank, invalid: S.invalid, broken: S.broken, contradicted: S.contradicted, missing: S.missing }[status];
}

// ---- keyboard and mouse --------------------------------------------------------------------------

function cellOf(target: EventTarget | null): HTMLTableCellElement | null {
  return target instanceof Element ? target.closest<HTMLTableCellElement>('td[data-key]') : null;
}

function focusCell(cell: HTMLTableCellElement | null, takeFocus = true): void {
  if (!cell) return;
  const grid = cell.closest('table');
  grid?.querySelectorAll<HTMLElement>('td[tabindex="0"]').forEach((c) => (c.tabIndex = -1));
  cell.tabIndex = 0;
  if (takeFocus) cell.focus();
  current = cell;
}

/** The cells of a grid by row, for arrow keys. */
function matrixOf(grid: HTMLTableElement): HTMLTableCellElement[][] {
  return [...grid.querySelectorAll('tr[data-cells]')].map((tr) => [...tr.querySelectorAll<HTMLTableCellElement>('td[data-key]')]);
}

function move(cell: HTMLTableCellElement, key: string, ctrl: boolean): void {
  const grid = cell.closest('table')!;
  const rows = matrixOf(grid);
  let r = rows.findIndex((row) => row.includes(cell));
  let c = rows[r].indexOf(cell);
  const grids = [...root.querySelectorAll<HTMLTableElement>('table[role="grid"]')];
  const at = grids.indexOf(grid);
  switch (key) {
    case 'ArrowLeft': c = Math.max(0, c - 1); break;
    case 'ArrowRight': c = Math.min(rows[r].length - 1, c + 1); break;
    case 'Home': c = 0; if (ctrl) r = 0; break;
    case 'End': c = rows[r].length - 1; if (ctrl) r = rows.length - 1; break;
    case 'PageUp': r = Math.max(0, r - 10); break;
    case 'PageDown': r = Math.min(rows.length - 1, r + 10); break;
    case 'ArrowUp':
      if (r === 0 && at > 0) return focusAcross(grids[at - 1], 'last', c);
      r = Math.max(0, r - 1);
      break;
    case 'ArrowDown':
      if (r === rows.length - 1 && at < grids.length - 1) return focusAcross(grids[at + 1], 'first', c);
      r = Math.min(rows.length - 1, r + 1);
      break;
  }
  focusCell(rows[r][Math.min(c, rows[r].length - 1)]);
}

/** Up from a grid's first row goes to the previous grid's last row (table 二's articles, then 三, 四). */
function focusAcross(grid: HTMLTableElement, which: 'first' | 'last', column: number): void {
  const rows = matrixOf(grid);
  const row = which === 'first' ? rows[0] : rows[rows.length - 1];
  if (row) focusCell(row[Math.min(column, row.length - 1)]);
}

function editable(cell: HTMLTableCellElement): boolean {
  return !!model && !model.readOnly && cell.dataset.status !== 'missing';
}

function reveal(cell: HTMLTableCellElement): void {
  if (cell.dataset.status !== 'missing') vscode.postMessage({ type: 'reveal', key: cell.dataset.key! });
}

root.addEventListener('focusin', (e) => {
  const cell = cellOf(e.target);
  if (cell) current = cell;
});

root.addEventListener('click', (e) => {
  const cell = cellOf(e.target);
  if (!cell || editing?.cell === cell) return;
  focusCell(cell);
  reveal(cell);
});

root.addEventListener('dblclick', (e) => {
  const cell = cellOf(e.target);
  if (cell && editable(cell) && editing?.cell !== cell) startEdit(cell);
});

root.addEventListener('keydown', (e) => {
  const cell = cellOf(e.target);
  if (!cell || editing) return;
  if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(e.key)) {
    e.preventDefault();
    move(cell, e.key, e.ctrlKey || e.metaKey);
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    reveal(cell);
    if (editable(cell)) startEdit(cell);
  } else if (editable(cell) && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 && e.key !== ' ')) {
    // Typing over a cell replaces its value, as in a spreadsheet.
    e.preventDefault();
    startEdit(cell, e.key);
  } else if (editable(cell) && (e.key === 'Delete' || e.key === 'Backspace')) {
    e.preventDefault();
    startEdit(cell, '');
  }
});

// ---- editing -------------------------------------------------------------------------------------

function startEdit(cell: HTMLTableCellElement, typed?: string): void {
  const original = cell.querySelector('.value')?.textContent ?? '';
  const input = el('input', { type: 'text', class: 'cell-input', inputmode: 'decimal', 'aria-label': S.editCell, spellcheck: 'false' });
  input.value = typed ?? original;
  cell.replaceChildren(input);
  cell.classList.add('editing');
  editing = { cell, input, original };
  input.focus();
  if (typed === undefined) input.select();
  input.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      endEdit(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      endEdit(false);
    }
  });
  input.addEventListener('blur', () => endEdit(true));
}

function endEdit(write: boolean): void {
  const current = editing;
  if (!current) return;
  editing = undefined;
  const value = current.input.value.trim();
  const key = current.cell.dataset.key!;
  if (write && value !== current.original && model) {
    vscode.postMessage({ type: 'edit', key, text: value, version: model.version });
  }
  const next = deferred ?? model;
  deferred = undefined;
  if (next) render(next);
  const cell = root.querySelector<HTMLTableCellElement>(`td[data-key="${CSS.escape(key)}"]`);
  // Until the server's answer is drawn, show what was typed.
  if (cell && write && value !== current.original) cell.querySelector('.value')!.textContent = value;
  focusCell(cell);
}

// ---- messages ------------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const m = event.data;
  if (m.type === 'model') {
    if (editing) deferred = m.model;
    else render(m.model);
  } else if (m.type === 'test') {
    vscode.postMessage({ type: 'testResult', id: m.id, result: runTest(m.action) });
  }
});

function runTest(action: TestAction): ViewState | string | boolean {
  if (action.kind === 'state') return state();
  if (action.kind === 'recompute') {
    const button = root.querySelector<HTMLButtonElement>('button.recompute');
    button?.click();
    return !!button;
  }
  if (action.kind === 'key') {
    current?.dispatchEvent(new KeyboardEvent('keydown', { key: action.key, bubbles: true }));
    return current?.dataset.key ?? false;
  }
  const cell = root.querySelector<HTMLTableCellElement>(`td[data-key="${CSS.escape(action.key)}"]`);
  if (!cell) return false;
  if (action.kind === 'click') {
    cell.click();
    return true;
  }
  focusCell(cell);
  cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true }));
  if (!editing) return false;
  editing.input.value = action.text;
  editing.input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  return true;
}

function state(): ViewState {
  const statuses: Record<string, string[]> = {};
  const brokenTitles: Record<string, string> = {};
  const cells = root.querySelectorAll<HTMLTableCellElement>('td[data-key]');
  for (const c of cells) {
    const s = c.dataset.status!;
    (statuses[s] ??= []).push(c.dataset.key!);
    if (s === 'broken') brokenTitles[c.dataset.key!] = `${c.title}\n${c.querySelector('.expected')?.textContent ?? ''}`;
  }
  return { version: model?.version ?? null, readOnly: !!model?.readOnly, renderMs: lastRenderMs, frameMs: lastFrameMs, renders, cells: cells.length, statuses, brokenTitles };
}

root.append(el('p', { class: 'empty' }, S.waiting));
vscode.postMessage({ type: 'ready' });
