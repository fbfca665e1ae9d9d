import { XMLParser } from 'fast-xml-parser';

export type TwimlNode = { [key: string]: unknown; '#'?: string };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#', preserveOrder: true, parseTagValue: false, parseAttributeValue: false });

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toNode(children: Ordered[], attributes: Record<string, string> = {}): TwimlNode {
  const node: TwimlNode = { ...attributes };
  for (const child of children) {
    const [name] = Object.keys(child).filter((key) => key !== ':@');
    if (!name) continue;
    if (name === '#') node['#'] = String(child['#']);
    else node[name] ??= toNode(child[name] as Ordered[], child[':@']);
  }
  return node;
}

/** TwiML parsed as XML (entities decoded): the verbs of <Response> in document order. */
export function twimlVerbs(twiml: string): [string, TwimlNode][] {
  const doc = parser.parse(twiml) as Ordered[];
  const response = doc.find((entry) => 'Response' in entry);
  const verbs = (response?.Response ?? []) as Ordered[];
  return verbs.flatMap((verb) => {
    const [name] = Object.keys(verb).filter((key) => key !== ':@');
    return name ? [[name, toNode(verb[name] as Ordered[], verb[':@'])] as [string, TwimlNode]] : [];
  });
}

/** The text of a verb such as <Say> or <Number>. */
export const twimlText = (node: unknown): string => String((node as TwimlNode | undefined)?.['#'] ?? '');
