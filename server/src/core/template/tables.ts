/**
 * The statistical tables 二, 三 and 四 (docs/format.md, “Canonical cell keys”): rows, columns, canonical cell keys, the
 * words that recognise them, and what differs between the 2019 and 2021 templates.
 */
import type { CellKey, TableKey, TemplateVersion } from '../types';
import type { Bilingual } from './bilingual';

export interface ColumnTemplate {
  key: string;
  label: Bilingual;
  /** Integer counts unless said otherwise. */
  kind?: 'count' | 'amount' | 'delta';
}

export interface RowTemplate {
  key: string;
  label: Bilingual;
  /** The group the row sits in (table 三 outcome groups, table 四 groups), for hover labels. */
  group?: string;
  /** Only in one template version. */
  version?: TemplateVersion;
}

export interface TableTemplate {
  key: TableKey;
  /** Chinese table numeral as people cite it: 二, 三, 四. */
  numeral: string;
  caption: Bilingual;
}

export const TABLES: Record<TableKey, TableTemplate> = {
  active: { key: 'active', numeral: '二', caption: { zh: '主动公开政府信息情况', en: 'Proactive disclosure' } },
  requests: { key: 'requests', numeral: '三', caption: { zh: '收到和处理政府信息公开申请情况', en: 'Requests received and handled' } },
  review: { key: 'review', numeral: '四', caption: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Reconsideration and litigation' } },
};

// --- Table 三 -------------------------------------------------------------------------------

export const REQUEST_COLUMNS: readonly ColumnTemplate[] = [
  { key: 'natural', label: { zh: '自然人', en: 'natural persons' } },
  { key: 'business', label: { zh: '商业企业', en: 'businesses' } },
  { key: 'research', label: { zh: '科研机构', en: 'research institutions' } },
  { key: 'nonprofit', label: { zh: '社会公益组织', en: 'non-profit organisations' } },
  { key: 'legal', label: { zh: '法律服务机构', en: 'legal service organisations' } },
  { key: 'otherOrg', label: { zh: '其他', en: 'other organisations' } },
  { key: 'total', label: { zh: '总计', en: 'total' } },
];
export const REQUEST_LEAF_COLUMNS = REQUEST_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);

/** Top-level rows of table 三 (一 … 四) and their recognising keywords. */
export const REQUEST_TOP_ROWS = {
  new: { label: { zh: '一、本年新收政府信息公开申请数量', en: 'I. New requests this year' }, keyword: /本年新收/ },
  carried: { label: { zh: '二、上年结转政府信息公开申请数量', en: 'II. Carried over from last year' }, keyword: /上年结转/ },
  results: { label: { zh: '三、本年度办理结果', en: 'III. Outcomes this year' }, keyword: /本年度?办理结果/ },
  carryover: { label: { zh: '四、结转下年度继续办理', en: 'IV. Carried into next year' }, keyword: /结转下年度?|结转至下年/ },
} as const;

export interface OutcomeGroup {
  key: 'granted' | 'partial' | 'denied' | 'unavailable' | 'rejected' | 'other' | 'processed';
  numeral: string; // 一 … 七
  label: Bilingual;
  keyword: RegExp;
  /** Sub-rows `key.1` … ; a group without sub-rows is one numeric row. `other` has sub-rows in 2021 only. */
  items: Bilingual[];
  itemsSince?: TemplateVersion;
}

export const OUTCOME_GROUPS: readonly OutcomeGroup[] = [
  { key: 'granted', numeral: '一', label: { zh: '（一）予以公开', en: '(1) Granted' }, keyword: /予以公开/, items: [] },
  {
    key: 'partial', numeral: '二',
    label: { zh: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: '(2) Partly granted' },
    keyword: /部分公开/, items: [],
  },
  {
    key: 'denied', numeral: '三', label: { zh: '（三）不予公开', en: '(3) Denied' }, keyword: /不予公开/,
    items: [
      { zh: '1.属于国家秘密', en: '1. State secret' },
      { zh: '2.其他法律行政法规禁止公开', en: '2. Barred by other laws' },
      { zh: '3.危及“三安全一稳定”', en: '3. Endangers security or stability' },
      { zh: '4.保护第三方合法权益', en: '4. Third-party rights' },
      { zh: '5.属于三类内部事务信息', en: '5. Internal affairs' },
      { zh: '6.属于四类过程性信息', en: '6. Deliberative information' },
      { zh: '7.属于行政执法案卷', en: '7. Enforcement files' },
      { zh: '8.属于行政查询事项', en: '8. Administrative query' },
    ],
  },
  {
    key: 'unavailable', numeral: '四', label: { zh: '（四）无法提供', en: '(4) Cannot be provided' }, keyword: /无法提供/,
    items: [
      { zh: '1.本机关不掌握相关政府信息', en: '1. Not held by this body' },
      { zh: '2.没有现成信息需要另行制作', en: '2. Would have to be created' },
      { zh: '3.补正后申请内容仍不明确', en: '3. Still unclear after correction' },
    ],
  },
  {
    key: 'rejected', numeral: '五', label: { zh: '（五）不予处理', en: '(5) Not processed' }, keyword: /不予处理/,
    items: [
      { zh: '1.信访举报投诉类申请', en: '1. Petitions and complaints' },
      { zh: '2.重复申请', en: '2. Repeated request' },
      { zh: '3.要求提供公开出版物', en: '3. Published material' },
      { zh: '4.无正当理由大量反复申请', en: '4. Excessive repeated requests' },
      { zh: '5.要求行政机关确认或重新出具已获取信息', en: '5. Confirmation or re-issue of information held' },
    ],
  },
  {
    key: 'other', numeral: '六', label: { zh: '（六）其他处理', en: '(6) Other handling' }, keyword: /其他处理/,
    items: [
      { zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: '1. Applicant did not correct in time' },
      { zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: '2. Applicant did not pay the fee in time' },
      { zh: '3.其他', en: '3. Other' },
    ],
    itemsSince: '2021',
  },
  { key: 'processed', numeral: '七', label: { zh: '（七）总计', en: '(7) Total processed' }, keyword: /总计|合计/, items: [] },
];

/** The numeric rows of table 三, in order, for a template version. */
export function requestRows(version: TemplateVersion): readonly RowTemplate[] {
  return REQUEST_ROWS[version];
}
const REQUEST_ROWS: Record<TemplateVersion, readonly RowTemplate[]> = {
  '2019': buildRequestRows('2019'),
  '2021': buildRequestRows('2021'),
};

function buildRequestRows(version: TemplateVersion): readonly RowTemplate[] {
  const rows: RowTemplate[] = [
    { key: 'new', label: REQUEST_TOP_ROWS.new.label },
    { key: 'carried', label: REQUEST_TOP_ROWS.carried.label },
  ];
  for (const g of OUTCOME_GROUPS) {
    const hasItems = g.items.length > 0 && (!g.itemsSince || version >= g.itemsSince);
    if (!hasItems) rows.push({ key: g.key, label: g.label, group: g.key === 'processed' ? undefined : 'results' });
    else g.items.forEach((it, i) => rows.push({ key: itemRowKey(g, i + 1), label: it, group: g.key }));
  }
  rows.push({ key: 'carryover', label: REQUEST_TOP_ROWS.carryover.label });
  return rows;
}

/** Rows whose sum is （七）总计 (the outcome rows). */
export function outcomeRows(version: TemplateVersion): string[] {
  return requestRows(version)
    .map((r) => r.key)
    .filter((k) => !['new', 'carried', 'processed', 'carryover'].includes(k));
}

// --- Table 四 -------------------------------------------------------------------------------

export const REVIEW_GROUPS: readonly RowTemplate[] = [
  { key: 'reconsideration', label: { zh: '行政复议', en: 'administrative reconsideration' } },
  { key: 'direct', label: { zh: '行政诉讼·未经复议直接起诉', en: 'litigation, direct' } },
  { key: 'afterReconsideration', label: { zh: '行政诉讼·复议后起诉', en: 'litigation after reconsideration' } },
];
export const REVIEW_COLUMNS: readonly ColumnTemplate[] = [
  { key: 'upheld', label: { zh: '结果维持', en: 'upheld' } },
  { key: 'corrected', label: { zh: '结果纠正', en: 'corrected' } },
  { key: 'other', label: { zh: '其他结果', en: 'other outcome' } },
  { key: 'pending', label: { zh: '尚未审结', en: 'pending' } },
  { key: 'total', label: { zh: '总计', en: 'total' } },
];
/** Header words of table 四, used to recognise it. */
export const REVIEW_SIGNATURE = /行政复议/;
export const REVIEW_HEADER_WORDS = /维持|纠正|审结|尚未|起诉|行政诉讼/;

// --- Table 二 -------------------------------------------------------------------------------

export interface ActiveRowTemplate extends RowTemplate {
  /** Recognises the row label (whole label, normalised). */
  matches: RegExp;
  /** Caption the row sits under, e.g. 第二十条第（一）项. */
  article: string;
  columns: ColumnTemplate[];
}

const issued: ColumnTemplate[] = [
  { key: 'issued', label: { zh: '本年制发件数', en: 'issued this year' } },
  { key: 'repealed', label: { zh: '本年废止件数', en: 'repealed this year' } },
  { key: 'effective', label: { zh: '现行有效件数', en: 'in force' } },
];
const made2019: ColumnTemplate[] = [
  { key: 'made', label: { zh: '本年新制作数量', en: 'made this year' } },
  { key: 'published', label: { zh: '本年新公开数量', en: 'published this year' } },
  { key: 'total', label: { zh: '对外公开总数量', en: 'total published' } },
];
const items2019: ColumnTemplate[] = [
  { key: 'prev', label: { zh: '上一年项目数量', en: 'items last year' } },
  { key: 'delta', label: { zh: '本年增/减', en: 'change this year' }, kind: 'delta' },
  { key: 'decisions', label: { zh: '处理决定数量', en: 'decisions' } },
];
const decisions: ColumnTemplate[] = [{ key: 'decisions', label: { zh: '本年处理决定数量', en: 'decisions this year' } }];

export const ACTIVE_ROWS: Record<TemplateVersion, ActiveRowTemplate[]> = {
  '2021': [
    { key: 'rules', label: { zh: '规章', en: 'rules' }, matches: /^规章$/, article: '第二十条第（一）项', columns: issued },
    { key: 'normative', label: { zh: '行政规范性文件', en: 'normative documents' }, matches: /^(?:行政)?规范性文件$/, article: '第二十条第（一）项', columns: issued },
    { key: 'licensing', label: { zh: '行政许可', en: 'administrative licensing' }, matches: /^行政许可$/, article: '第二十条第（五）项', columns: decisions },
    { key: 'penalty', label: { zh: '行政处罚', en: 'administrative penalties' }, matches: /^行政处罚$/, article: '第二十条第（六）项', columns: decisions },
    { key: 'coercion', label: { zh: '行政强制', en: 'administrative coercion' }, matches: /^行政强制$/, article: '第二十条第（六）项', columns: decisions },
    {
      key: 'fees', label: { zh: '行政事业性收费', en: 'administrative fees' }, matches: /^行政事业性收费$/, article: '第二十条第（八）项',
      columns: [{ key: 'amount', label: { zh: '本年收费金额（单位：万元）', en: 'amount collected (10k yuan)' }, kind: 'amount' }],
    },
  ],
  '2019': [
    { key: 'rules', label: { zh: '规章', en: 'rules' }, matches: /^规章$/, article: '第二十条第（一）项', columns: made2019 },
    { key: 'normative', label: { zh: '规范性文件', en: 'normative documents' }, matches: /^(?:行政)?规范性文件$/, article: '第二十条第（一）项', columns: made2019 },
    { key: 'licensing', label: { zh: '行政许可', en: 'administrative licensing' }, matches: /^行政许可$/, article: '第二十条第（五）项', columns: items2019 },
    { key: 'services', label: { zh: '其他对外管理服务事项', en: 'other external services' }, matches: /^其他对外管理服务事项$/, article: '第二十条第（五）项', columns: items2019 },
    { key: 'penalty', label: { zh: '行政处罚', en: 'administrative penalties' }, matches: /^行政处罚$/, article: '第二十条第（六）项', columns: items2019 },
    { key: 'coercion', label: { zh: '行政强制', en: 'administrative coercion' }, matches: /^行政强制$/, article: '第二十条第（六）项', columns: items2019 },
    {
      key: 'fees', label: { zh: '行政事业性收费', en: 'administrative fees' }, matches: /^行政事业性收费$/, article: '第二十条第（八）项',
      columns: [items2019[0], items2019[1]],
    },
    {
      key: 'procurement', label: { zh: '政府集中采购', en: 'central government procurement' }, matches: /^政府集中采购$/, article: '第二十条第（九）项',
      columns: [
        { key: 'count', label: { zh: '采购项目数量', en: 'procurement projects' } },
        { key: 'amount', label: { zh: '采购总金额', en: 'total amount' }, kind: 'amount' },
      ],
    },
  ],
};

/** Header words that tell which template a table 二 follows. */
export const ACTIVE_VERSION_SIGNS: Record<TemplateVersion, RegExp> = {
  '2021': /本年制发件数|本年废止件数|现行有效件数|本年收费金额/,
  '2019': /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/减|政府集中采购|第二十条第\(九\)项/,
};

/** Words that start a table, used to find tables and to split adjacent ones (normalised text). */
export const TABLE_OPENERS: Record<TableKey, RegExp> = {
  active: /^第二十条第\([一二三四五六七八九]\)项/,
  requests: /勾稽关系|^申请人情况/,
  review: /^行政复议$/,
};
/** Words that identify a table anywhere in it (normalised text). */
export const TABLE_SIGNATURES: Record<TableKey, RegExp> = {
  active: /第二十条|^信息内容$|^行政许可$|^行政事业性收费$/,
  requests: /本年新收|申请人情况|勾稽关系/,
  review: /^行政复议$/,
};

/** Words only a table's own text holds (raw text): a part that has them has its table, even when it was not read. */
export const TABLE_TRACES: Record<TableKey, RegExp> = {
  active: /第二十条\s*第|信息内容\s*\|?\s*本年/,
  requests: /本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|本[列表]数据的?勾稽关系/,
  review: /结果维持/,
};

/**
 * The start of a table 三 row label (normalised text; "一、本年新收…" and "（一）予以公开" start with a
 * numeral and look like headings). A table flattened into lines leaves them on lines of their own.
 */
export const REQUEST_ROW_LABEL = /^(?:本年新收|上年结转|本年度?办理结果|结转下年度?|予以公开|部分公|不予公开|无法提供|不予处理|其他处理|总计)/;

/** The canonical key of a cell: `requests.granted.natural`, `review.direct.total`. */
export function cellKey(table: TableKey, row: string, column: string): CellKey {
  return `${table}.${row}.${column}`;
}

/** Row key `group.n` of the n-th numbered item of an outcome group (`denied.3`). */
export function itemRowKey(group: OutcomeGroup, n: number): string {
  return `${group.key}.${n}`;
}

/** Every cell key a template version defines, in table order. */
export function cellKeys(version: TemplateVersion): CellKey[] {
  const keys: CellKey[] = [];
  for (const r of ACTIVE_ROWS[version]) for (const c of r.columns) keys.push(cellKey('active', r.key, c.key));
  for (const r of requestRows(version)) for (const c of REQUEST_COLUMNS) keys.push(cellKey('requests', r.key, c.key));
  for (const g of REVIEW_GROUPS) for (const c of REVIEW_COLUMNS) keys.push(cellKey('review', g.key, c.key));
  return keys;
}

/** The template version a report year calls for: 2019 for 2019–2020, 2021 from then on. */
export function versionForYear(year: number): TemplateVersion {
  return year >= 2021 ? '2021' : '2019';
}
