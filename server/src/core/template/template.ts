/**
 * The official format of the annual report, as data: the one place that knows it.
 * Sources: 国办公开办函〔2019〕60号 (template `2019`, report years 2019–2020) and 〔2021〕30号
 * (template `2021`, report year 2021 on). See FORMAT.md in the project's design notes (README).
 *
 * Everything else — the parser, the checks, hovers, recompute, the CLI — reads this file.
 */
import type { CellKey, PartKey, TableKey, TemplateVersion } from '../types';

export interface Bilingual {
  zh: string;
  en: string;
}

// ---------------------------------------------------------------------------------------------
// Parts
// ---------------------------------------------------------------------------------------------

export interface PartTemplate {
  key: PartKey;
  /** 1-based official number (一 … 六). */
  number: number;
  /** Canonical title without its numeral. */
  title: string;
  titleEn: string;
  /**
   * Recognises the title after width normalisation and whitespace removal.
   * Accepted variants match too; only an exact `title` match is canonical.
   */
  matches: RegExp;
  /** The table that belongs in this part. */
  table?: TableKey;
  /** What the official template asks the part to contain (hover text). */
  contents: Bilingual;
}

export const PARTS: readonly PartTemplate[] = [
  {
    key: 'overview',
    number: 1,
    title: '总体情况',
    titleEn: 'Overview',
    matches: /^(?:总体情况|基本情况|总体概况|概述)$/,
    contents: {
      zh: '概述本年度政府信息公开工作，通常分述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面的情况。',
      en: 'An overview of the year’s work, usually covering proactive disclosure, disclosure on request, information management, disclosure platforms, and oversight.',
    },
  },
  {
    key: 'active',
    number: 2,
    title: '主动公开政府信息情况',
    titleEn: 'Proactive disclosure',
    matches: /主动公开政府信息(?:情况)?$/,
    table: 'active',
    contents: {
      zh: '按《条例》第二十条填写表二：规章、行政规范性文件的制发、废止、现行有效件数，行政许可、行政处罚、行政强制的处理决定数量，行政事业性收费金额。',
      en: 'Table 2 under Article 20 of the Regulations: rules and normative documents issued, repealed and in force; licensing, penalty and coercion decisions; administrative fees collected.',
    },
  },
  {
    key: 'requests',
    number: 3,
    title: '收到和处理政府信息公开申请情况',
    titleEn: 'Requests received and handled',
    matches: /(?:收到和处理|收到及处理|受理和处理)政府信息公开申请(?:情况)?$|^依申请公开(?:政府信息)?情况$/,
    table: 'requests',
    contents: {
      zh: '填写表三：按申请人类别统计本年新收、上年结转的申请，本年度办理结果（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）及结转下年度继续办理的数量。勾稽关系：一 + 二 = （七）总计 + 四。',
      en: 'Table 3: requests received this year and carried over, by applicant type; outcomes (granted, partly granted, denied, unavailable, not processed, other); carried into next year. Balance: new + carried = processed + carried over.',
    },
  },
  {
    key: 'review',
    number: 4,
    title: '政府信息公开行政复议、行政诉讼情况',
    titleEn: 'Administrative reconsideration and litigation',
    matches: /行政(?:法)?复议.*行政诉讼|行政诉讼.*行政(?:法)?复议/,
    table: 'review',
    contents: {
      zh: '填写表四：因政府信息公开被申请行政复议、提起行政诉讼（未经复议直接起诉、复议后起诉）的数量，按结果维持、结果纠正、其他结果、尚未审结及总计统计。',
      en: 'Table 4: reconsideration and litigation cases (direct and after reconsideration) about disclosure, by outcome: upheld, corrected, other, pending, total.',
    },
  },
  {
    key: 'problems',
    number: 5,
    title: '存在的主要问题及改进情况',
    titleEn: 'Main problems and improvements',
    matches: /存在的?(?:主要)?问题/,
    contents: {
      zh: '说明本年度政府信息公开工作存在的主要问题，以及上一年度问题的整改情况和下一步改进措施。',
      en: 'The main shortcomings of the year’s work, how last year’s problems were addressed, and the planned improvements.',
    },
  },
  {
    key: 'other',
    number: 6,
    title: '其他需要报告的事项',
    titleEn: 'Other matters to report',
    matches: /其他需要报告的事项|其他需报告的事项|需要报告的其他事项/,
    contents: {
      zh: '自2021年起通常包括：收取信息处理费的情况（依据《政府信息公开信息处理费管理办法》，必须说明）、落实上级年度政务公开工作要点情况、人大代表建议和政协提案办理结果公开情况、年度政务公开工作创新情况、年报数据统计需要说明的事项、本机关认为需要报告的其他事项、其他有关文件专门要求报告的事项。',
      en: 'Since 2021 customarily: information processing fees charged (mandatory), implementation of the year’s key points, disclosure of the handling of deputies’ suggestions and CPPCC proposals, innovations, notes on the statistics, other matters the body wants to report, and matters other documents require.',
    },
  },
];

/**
 * The customary items of part 六 since 2021 (FORMAT.md §2). `fee` is the only confirmed mandatory one.
 */
export const PART6_ITEMS: readonly { key: string; mandatory: boolean; matches: RegExp; label: Bilingual }[] = [
  { key: 'fee', mandatory: true, matches: /信息处理费/, label: { zh: '收取信息处理费的情况', en: 'information processing fees' } },
  { key: 'keyPoints', mandatory: false, matches: /工作要点|工作方案/, label: { zh: '落实上级年度政务公开工作要点情况', en: 'implementation of the year’s key points' } },
  { key: 'proposals', mandatory: false, matches: /人大代表建议|政协提案|建议提案|建议和提案/, label: { zh: '人大代表建议和政协提案办理结果公开情况', en: 'handling of deputies’ suggestions and CPPCC proposals' } },
  { key: 'innovation', mandatory: false, matches: /创新/, label: { zh: '年度政务公开工作创新情况', en: 'innovations of the year' } },
  { key: 'statistics', mandatory: false, matches: /数据统计|统计需要说明|年报数据|表中|数据主要/, label: { zh: '年报数据统计需要说明的事项', en: 'notes on the statistics' } },
  { key: 'ownMatters', mandatory: false, matches: /认为需要报告的其他事项|其他需要报告|需要报告的其他/, label: { zh: '本机关认为需要报告的其他事项', en: 'other matters the body wants to report' } },
  { key: 'required', mandatory: false, matches: /专门要求|要求通过.*年度报告/, label: { zh: '其他有关文件专门要求通过年报报告的事项', en: 'matters other documents require the report to cover' } },
];

/**
 * What says whether 信息处理费 was charged, in the paragraph that mentions the fee: a negation
 * ("未收取", "不存在…情况", "无"), an amount ("240元"), or a payment ("缴款", "收费通知书").
 * The item's heading alone ("收取信息处理费的情况") is not a statement.
 */
export const PART6_FEE_MENTION = /信息(?:公开)?(?:申请)?处理费|处理费/g;
export const PART6_FEE_STATEMENT =
  /未(?:曾|有)?(?:收取|收|产生|发生|涉及)|不存在|没有(?:收取|产生|发生)|(?:^|[：:，,。\s])无(?:[。；;，,.]|$)|免(?:收|费|予收取)|不(?:予)?收取|[0-9０-９][0-9０-９,.，]*\s*万?元|缴(?:款|费|纳)|收费通知|(?:共|累计|合计)(?:计)?收取/m;

/** Table 二 收费金额 is in 万元; an amount this large (≥ 10亿元) was most likely typed in 元. */
export const FEE_AMOUNT_YUAN_SUSPECT = 100_000;

/**
 * "一是…二是…三是…" (FORMAT.md §2): an enumeration marker is one or two of ENUMERATION_NUMERALS right
 * before ENUMERATION_WORD, counted only after one of ENUMERATION_BREAKS or at a line start, so "统一是"
 * is not one.
 */
export const ENUMERATION_WORD = '是';
export const ENUMERATION_NUMERALS = '一二三四五六七八九十';
export const ENUMERATION_BREAKS = new Set([...'\n\r\t\f 。；;，,：:！？!?（(“"、　']); // \f: a page break in text extracted from PDF

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

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

/** The numeric rows of table 三, in order, for a template version (built once per version: labels and
 * narrative look rows up on every analysis). */
export function requestRows(version: TemplateVersion): readonly RowTemplate[] {
  return (REQUEST_ROWS[version] ??= buildRequestRows(version));
}
const REQUEST_ROWS: Partial<Record<TemplateVersion, readonly RowTemplate[]>> = {};

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

// ---------------------------------------------------------------------------------------------
// Relations (勾稽关系): `target = Σ plus − Σ minus`
// ---------------------------------------------------------------------------------------------

export type RelationCode = 'sum.rowTotal' | 'sum.columnTotal' | 'sum.balance' | 'sum.reviewTotal';

export interface Relation {
  code: RelationCode;
  target: CellKey;
  plus: CellKey[];
  minus: CellKey[];
  /** True when recompute may rewrite the target (the 总计 cells); false for the balance. */
  derived: boolean;
}

/**
 * The canonical key of a cell. Keys are made once and reused, so that the cell map is filled and
 * looked up with the very same string objects (analysis runs on every keystroke).
 */
export function cellKey(table: TableKey, row: string, column: string): CellKey {
  let rows = KEYS.get(table);
  if (!rows) KEYS.set(table, (rows = new Map()));
  let cols = rows.get(row);
  if (!cols) rows.set(row, (cols = new Map()));
  let key = cols.get(column);
  if (!key) cols.set(column, (key = `${table}.${row}.${column}`));
  return key;
}
const KEYS = new Map<TableKey, Map<string, Map<string, CellKey>>>();
const cell = cellKey;

/** Row key `group.n` of a numbered item of an outcome group, made once. */
export function itemRowKey(group: OutcomeGroup, n: number): string {
  let keys = ITEM_ROW_KEYS.get(group.key);
  if (!keys) ITEM_ROW_KEYS.set(group.key, (keys = group.items.map((_, i) => `${group.key}.${i + 1}`)));
  return keys[n - 1] ?? `${group.key}.${n}`;
}
const ITEM_ROW_KEYS = new Map<string, string[]>();

/** All relations of a template version, expanded to concrete cells (computed once per version). */
export function relations(version: TemplateVersion): readonly Relation[] {
  return (RELATIONS[version] ??= expandRelations(version));
}
const RELATIONS: Partial<Record<TemplateVersion, Relation[]>> = {};

function expandRelations(version: TemplateVersion): Relation[] {
  const out: Relation[] = [];
  const rows = requestRows(version).map((r) => r.key);
  // 总计 column: every numeric row of table 三.
  for (const row of rows) {
    out.push({
      code: 'sum.rowTotal',
      target: cell('requests', row, 'total'),
      plus: REQUEST_LEAF_COLUMNS.map((c) => cell('requests', row, c)),
      minus: [],
      derived: true,
    });
  }
  // （七）总计 row: every column, leaf columns first.
  const outcomes = outcomeRows(version);
  for (const col of REQUEST_COLUMNS) {
    out.push({
      code: 'sum.columnTotal',
      target: cell('requests', 'processed', col.key),
      plus: outcomes.map((r) => cell('requests', r, col.key)),
      minus: [],
      derived: true,
    });
  }
  // 一 + 二 = （七） + 四, placed on 四.
  for (const col of REQUEST_COLUMNS) {
    out.push({
      code: 'sum.balance',
      target: cell('requests', 'carryover', col.key),
      plus: [cell('requests', 'new', col.key), cell('requests', 'carried', col.key)],
      minus: [cell('requests', 'processed', col.key)],
      derived: false,
    });
  }
  for (const g of REVIEW_GROUPS) {
    out.push({
      code: 'sum.reviewTotal',
      target: cell('review', g.key, 'total'),
      plus: REVIEW_COLUMNS.filter((c) => c.key !== 'total').map((c) => cell('review', g.key, c.key)),
      minus: [],
      derived: true,
    });
  }
  return out;
}

/**
 * The formula for each derived cell, in an order where every term is computed before it is used:
 * row totals of the leaf rows, then the （七） row's leaf columns, then （七）总计 from those.
 * `relations()` lists （七）总计 twice (row and column); recompute uses the row form.
 */
export function derivations(version: TemplateVersion): readonly Relation[] {
  return (DERIVATIONS[version] ??= orderDerivations(version));
}
const DERIVATIONS: Partial<Record<TemplateVersion, Relation[]>> = {};

function orderDerivations(version: TemplateVersion): Relation[] {
  const all = relations(version).filter((r) => r.derived);
  const processedTotal = cell('requests', 'processed', 'total');
  const rowTotals = all.filter((r) => r.code === 'sum.rowTotal' && r.target !== processedTotal);
  const columnLeaves = all.filter((r) => r.code === 'sum.columnTotal' && r.target !== processedTotal);
  const processedRow = all.filter((r) => r.code === 'sum.rowTotal' && r.target === processedTotal);
  const review = all.filter((r) => r.code === 'sum.reviewTotal');
  return [...rowTotals, ...columnLeaves, ...processedRow, ...review];
}

/** Every cell key a template version defines, in table order. */
export function cellKeys(version: TemplateVersion): CellKey[] {
  const keys: CellKey[] = [];
  for (const r of ACTIVE_ROWS[version]) for (const c of r.columns) keys.push(cell('active', r.key, c.key));
  for (const r of requestRows(version)) for (const c of REQUEST_COLUMNS) keys.push(cell('requests', r.key, c.key));
  for (const g of REVIEW_GROUPS) for (const c of REVIEW_COLUMNS) keys.push(cell('review', g.key, c.key));
  return keys;
}

/** The template version a report year calls for. */
export function versionForYear(year: number): TemplateVersion {
  return year >= 2021 ? '2021' : '2019';
}

/** The basis documents of each template, for the hint on a superseded citation. */
export const TEMPLATE_BASIS: Record<TemplateVersion, RegExp> = {
  '2019': /国办公开办函\s*[〔[(（]\s*2019\s*[〕\])）]\s*60\s*号/,
  '2021': /国办公开办函\s*[〔[(（]\s*2021\s*[〕\])）]\s*30\s*号/,
};

// ---------------------------------------------------------------------------------------------
// Prose (FORMAT.md §1, §2, §7): what the narrative says about the tables, the statistics period,
// the fee statement of part 六, and "一是…二是…" enumerations. Data only; rules/ reads it.
// ---------------------------------------------------------------------------------------------

/**
 * One way to read a number the prose states: a sum of table cells. Table 三 readings name rows or
 * outcome groups (a group sums all its numbered rows in the report's version) in the subject's
 * columns; tables 二 and 四 readings name cells.
 */
export interface NarrativeReading {
  rows?: string[];
  cells?: CellKey[];
  /** How the reading is cited in a message, e.g. （一）予以公开 / 一 + 二. */
  label: Bilingual;
}

/** A subject the prose restates from the tables: "予以公开69件", "收到…申请1600件", "17件结转下年度". */
export interface NarrativeSubject {
  key: string;
  /** What the text says, as a message cites it. */
  label: Bilingual;
  table: TableKey;
  /**
   * The subject phrase right before the number: tested on the clause up to the number, anchored at
   * its end (after the connectors in `NARRATIVE_TAIL`). Group 1, when present, is the filler
   * between verb and object ("收到[区政府层面政府信息公开]申请"), which must pass `fillerMustMatch`.
   */
  before?: RegExp;
  /** The phrase right after "N件", for the "67件已办理完毕" / "17件结转下年度" forms; anchored at its start. */
  after?: RegExp;
  /** The filler (group 1 of `before`) must match this, e.g. name the disclosure request. */
  fillerMustMatch?: RegExp;
  /** Table 三 columns summed (default: 总计). */
  columns?: string[];
  /** How the columns are cited when there are several (法人或其他组织). */
  columnLabel?: Bilingual;
  /** Accepted readings; the first is the one a message and the fix cite first. */
  readings: NarrativeReading[];
  /** May be followed by "占比X%" of （七）总计. */
  share?: boolean;
  /**
   * Outside parts 三 and 四 the paragraph (or sentence) must match this, else the number is about
   * something else (a 行政复议 count in a sentence on 法治政府 is not table 四's).
   */
  context?: RegExp;
  /** Where `context` must match: the paragraph (default) or the sentence itself. */
  contextScope?: 'paragraph' | 'sentence';
}

const R = (zh: string, en: string): Bilingual => ({ zh, en });
const NEW: NarrativeReading = { rows: ['new'], label: R('一、本年新收', 'I. new requests') };
const NEW_CARRIED: NarrativeReading = { rows: ['new', 'carried'], label: R('一 + 二', 'I + II (new + carried over)') };
const PROCESSED: NarrativeReading = { rows: ['processed'], label: R('（七）总计', '(7) total processed') };
/** Filler between a verb and 申请: no digits, no clause break. */
const FILLER = String.raw`([^，,。；;：:！？!?\d\n]{0,24}?)`;
/** Words that make a "收到/办理…申请" phrase about something other than disclosure requests. */
export const NARRATIVE_FOREIGN = /复议|诉讼|建议|提案|信访|投诉|举报|许可|审批|政务服务|热线|留言|来信|咨询|求助|办件|业务/;
/** Connectors allowed between a subject and its number: closing quote, 的申请, 共/为/计… */
export const NARRATIVE_TAIL = String.raw`[”"’」』]?\s*(?:的申请|申请)?(?:数量|件数)?\s*(?:共计|合计|总计|共|为|计|达)?\s*$`;
const before = (subject: string) => new RegExp(subject + NARRATIVE_TAIL);
const APPLICATIONS = /申请/;
const DISCLOSURE = /公开/;

const applicant = (key: string, zh: string, en: string, columns: string[]): NarrativeSubject => ({
  key, label: R(`${zh}申请`, `requests from ${en}`), table: 'requests', columns,
  before: before(String.raw`${zh}(?:提出的?|的)?(?:政府信息公开)?申请`),
  readings: [NEW, NEW_CARRIED, PROCESSED], context: APPLICATIONS,
});
const outcome = (key: OutcomeGroup['key'], subject: string, zh: string, en: string): NarrativeSubject => ({
  key, label: R(zh.replace(/^（.）/, ''), en.replace(/^\(\d\) /, '').toLowerCase()), table: 'requests',
  before: before(subject), readings: [{ rows: [key], label: R(zh, en) }], share: true, context: APPLICATIONS,
});

export const NARRATIVE_SUBJECTS: readonly NarrativeSubject[] = [
  {
    key: 'received', label: R('收到申请', 'requests received'), table: 'requests',
    before: before(String.raw`(?:收到|受理|接收|新收)${FILLER}申请(?:书|件)?`), fillerMustMatch: /^$|公开/,
    readings: [NEW, NEW_CARRIED],
  },
  {
    key: 'handled', label: R('办理申请', 'requests handled'), table: 'requests',
    // The filler must name disclosure: "特殊情况处理申请1件" and "不予处理申请" are not this.
    before: before(String.raw`(?:办理|处理)${FILLER}申请(?:书|件)?`), fillerMustMatch: /公开/,
    readings: [PROCESSED, NEW, NEW_CARRIED],
  },
  {
    key: 'processed', label: R('办结（答复）申请', 'requests answered'), table: 'requests',
    before: before(String.raw`(?:办结|答复|办理完毕|处理完毕)${FILLER}(?:申请(?:书|件)?|件)?`), fillerMustMatch: /^$|公开|申请/,
    after: /^(?:申请)?(?:已|均已|均|全部)?(?:在[^，,。；;\d\n]{0,12}?内)?(?:全部|均|依法)?(?:办结|办理完毕|处理完毕|答复完毕|作出答复|予以答复)/,
    readings: [PROCESSED], context: APPLICATIONS,
  },
  {
    key: 'carried', label: R('上年结转', 'carried over from last year'), table: 'requests',
    before: before(String.raw`(?:上一?年度?结转|结转上一?年度?)(?:[^，,。；;：:！？!?\d\n]{0,16}?)`),
    readings: [{ rows: ['carried'], label: R('二、上年结转', 'II. carried over from last year') }], context: APPLICATIONS,
  },
  {
    key: 'carryover', label: R('结转下年度', 'carried into next year'), table: 'requests',
    before: before(String.raw`结转(?:至|到)?下一?年度?(?:继续)?(?:办理|处理)?`),
    after: /^(?:申请)?(?:需要|需|将|予以)?(?:结转|转入)(?:至|到)?下一?年/,
    readings: [{ rows: ['carryover'], label: R('四、结转下年度继续办理', 'IV. carried into next year') }], context: APPLICATIONS,
  },
  outcome('granted', '(?<!不)予以公开', '（一）予以公开', '(1) Granted'),
  outcome('partial', '部分公开', '（二）部分公开', '(2) Partly granted'),
  outcome('denied', '不予(?:以)?公开', '（三）不予公开', '(3) Denied'),
  outcome('unavailable', '无法提供', '（四）无法提供', '(4) Cannot be provided'),
  outcome('rejected', '不予处理', '（五）不予处理', '(5) Not processed'),
  outcome('other', '其他处理', '（六）其他处理', '(6) Other handling'),
  applicant('natural', '自然人', 'natural persons', ['natural']),
  applicant('business', '商业企业', 'businesses', ['business']),
  applicant('research', '科研机构', 'research institutions', ['research']),
  applicant('nonprofit', '社会公益组织', 'non-profit organisations', ['nonprofit']),
  applicant('legal', '法律服务机构', 'legal service organisations', ['legal']),
  { ...applicant('organisations', '法人或其他组织', 'legal persons and other organisations', ['business', 'research', 'nonprofit', 'legal', 'otherOrg']), columnLabel: R('法人或其他组织', 'legal persons and other organisations') },
  {
    key: 'reconsideration', label: R('行政复议', 'reconsideration cases'), table: 'review',
    before: before('行政复议(?:案件)?'), context: DISCLOSURE, contextScope: 'sentence',
    readings: [{ cells: ['review.reconsideration.total'], label: R('行政复议·总计', 'reconsideration · total') }],
  },
  {
    key: 'litigation', label: R('行政诉讼', 'litigation cases'), table: 'review',
    before: before('行政诉讼(?:案件)?'), context: DISCLOSURE, contextScope: 'sentence',
    readings: [
      { cells: ['review.direct.total', 'review.afterReconsideration.total'], label: R('行政诉讼（未经复议直接起诉 + 复议后起诉）·总计', 'litigation (direct + after reconsideration) · total') },
      { cells: ['review.direct.total'], label: R('行政诉讼·未经复议直接起诉·总计', 'litigation, direct · total') },
    ],
  },
  {
    key: 'effectiveNormative', label: R('现行有效行政规范性文件', 'normative documents in force'), table: 'active',
    before: before('(?:现行有效的?(?:行政)?规范性文件|(?:行政)?规范性文件(?:中)?现行有效的?)'),
    readings: [{ cells: ['active.normative.effective'], label: R('行政规范性文件·现行有效件数', 'normative documents · in force') }],
  },
  {
    key: 'effectiveRules', label: R('现行有效规章', 'rules in force'), table: 'active',
    before: before('(?:现行有效的?规章|规章(?:中)?现行有效的?)'),
    readings: [{ cells: ['active.rules.effective'], label: R('规章·现行有效件数', 'rules · in force') }],
  },
];

/** A count the prose states: "69件", "１２件"; not the tail of a decimal or of "1,600". */
export const NARRATIVE_COUNT = /(?<![0-9０-９.．]|\d,)([0-9０-９]{1,9})\s*件/g;
/** "X件为…": an explanation of what a number consists of (often a sub-item), not a restatement. */
export const NARRATIVE_EXPLANATION = /^\s*(?:为|是|系|主要)/;
/** "，占比21％" right after a count (group 1: the percentage). */
export const NARRATIVE_SHARE = /^\s*[，,、]?\s*[（(]?\s*(?:占比|占全部申请的?|占申请总数的?|占总数的?|占)(?:为|约)?\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]/;
/** Parts whose prose is never compared with the tables: 六 explains sub-items and other counts. */
export const NARRATIVE_SKIP_PARTS: readonly PartKey[] = ['other'];
/** Parts whose prose is about the tables anyway, so subjects need no `context`. */
export const NARRATIVE_TABLE_PARTS: readonly PartKey[] = ['requests', 'review'];

/** The word every statistics-period sentence starts with (scanners look for it before trying the regex). */
export const STATISTICS_PERIOD_LEAD = '统计';
/**
 * A statistics-period sentence (FORMAT.md §1, §7): "统计期限自2022年1月1日起至2022年12月31日止";
 * groups 1–3 the first date, 4–6 the second.
 */
export const STATISTICS_PERIOD = new RegExp(
  String.raw`${STATISTICS_PERIOD_LEAD}(?:期限|期间|时限|时间)[^。\n\d]{0,8}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*[,，]?\s*(?:至|到|—|－|-|~|～)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`,
);
