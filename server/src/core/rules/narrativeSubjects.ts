/**
 * The prose cues of the narrative rules (docs/format.md, “The prose against the tables”): the subjects the prose restates from the
 * tables ("予以公开69件", "收到…申请1600件", "17件结转下年度"), the table values each may mean, and
 * the patterns of a count and of a share.
 */
import type { Bilingual } from '../template/bilingual';
import type { OutcomeGroup } from '../template/tables';
import type { CellKey, PartKey, TableKey } from '../types';

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
/**
 * A count one office handled for the agency ("区政府办代表区政府受理政府信息公开申请 17 件"): a part of
 * what the tables count, not their total.
 */
export const NARRATIVE_DELEGATE = /代表[^，,。；]{1,12}(?:受理|办理|答复|收到)/;
export const NARRATIVE_EXPLANATION = /^\s*(?:为|是|系|主要)/;
/** "，占比21％" right after a count (group 1: the percentage). */
export const NARRATIVE_SHARE = /^\s*[，,、]?\s*[（(]?\s*(?:占比|占全部申请的?|占申请总数的?|占总数的?|占)(?:为|约)?\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]/;
/** Parts whose prose is never compared with the tables: 六 explains sub-items and other counts. */
export const NARRATIVE_SKIP_PARTS: readonly PartKey[] = ['other'];
/** Parts whose prose is about the tables anyway, so subjects need no `context`. */
export const NARRATIVE_TABLE_PARTS: readonly PartKey[] = ['requests', 'review'];
