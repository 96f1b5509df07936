/**
 * A new report: the title, the six official parts in order and the three statistical tables left
 * empty, in the table shape the clerk chose. What "新建年度报告" writes into a new editor.
 */
import type { TableShape } from '../types';
import { PARTS, officialHeading } from './parts';
import { renderTable } from './render';
import { versionForYear } from './tables';

export type SkeletonShape = Extract<TableShape, 'tab' | 'markdown' | 'pipe'>;

export interface Skeleton {
  text: string;
  /** Offset of the first blank the clerk fills in: the line under part 一's heading. */
  cursor: number;
}

export function renderSkeleton(year: number, agency: string, shape: SkeletonShape, eol = '\n'): Skeleton {
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  const intro = `本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
  let text = `${title}${eol}${eol}${intro}${eol}${eol}`;
  let cursor = -1;
  for (const part of PARTS) {
    text += `${officialHeading(part)}${eol}`;
    if (cursor < 0) cursor = text.length;
    text += part.table ? `${eol}${renderTable(part.table, versionForYear(year), shape, eol)}${eol}` : `${eol}${eol}`;
  }
  return { text, cursor };
}
