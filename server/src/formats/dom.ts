/**
 * The few things the readers use of htmlparser2's DOM (domhandler nodes), typed here so that the readers
 * depend on htmlparser2's parser only. Word's XML is parsed by the same parser in XML mode.
 */
import { parseDocument } from 'htmlparser2';

export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

export function parseHtml(text: string): DomNode {
  return parseDocument(text, { decodeEntities: true }) as unknown as DomNode;
}

export function parseXml(text: string): DomNode {
  return parseDocument(text, { xmlMode: true, decodeEntities: true }) as unknown as DomNode;
}

export function isElement(n: DomNode, name?: string): boolean {
  return (n.type === 'tag' || n.type === 'script' || n.type === 'style') && (name === undefined || n.name === name);
}

export function childElements(n: DomNode, name?: string): DomNode[] {
  return (n.children ?? []).filter((c) => isElement(c, name));
}

export function firstChild(n: DomNode, name: string): DomNode | undefined {
  return (n.children ?? []).find((c) => isElement(c, name));
}
