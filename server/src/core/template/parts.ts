/**
 * The six parts of the report (docs/format.md, “The six parts”): their numbers, official titles, accepted variants,
 * tables and what each must contain.
 */
import type { PartKey, TableKey } from '../types';
import type { Bilingual } from './bilingual';
import { chineseNumeral } from './numerals';

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
    // Also "总体公开情况说明", "基本工作情况", "本年度政府信息公开工作的基本情况".
    matches: /^(?:总体情况|基本情况|总体概况|概述)$|^[^，。,]{0,16}(?:总体|基本)(?:公开|工作)?(?:情况|概况)(?:说明)?$/,
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
    matches: /主动公开政府信息(?:情况)?$|^主动公开(?:情况)?$/,
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
    matches: /(?:收到和处理|收到及处理|受理和处理)政府信息公开申请(?:情况)?$|^(?:政府信息)?依申请公开(?:政府信息)?(?:办理)?情况$/,
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

/** A part's official heading as it reads in a report: 三、收到和处理政府信息公开申请情况. */
export function officialHeading(part: PartTemplate): string {
  return `${chineseNumeral(part.number)}、${part.title}`;
}
