import { XMLParser, XMLValidator } from 'fast-xml-parser';

// The one TwiML reader: the call simulator follows what it parses and tests (tests/twiml.ts)
// assert on it — TwiML is read as XML, never matched as text.

/** One TwiML element: `<Gather action="…"><Say>Hi</Say></Gather>`, with its text flattened. */
export interface TwimlNode {
  name: string;
  attrs: Record<string, string>;
  children: TwimlNode[];
  /** All text inside, SSML tags dropped, whitespace collapsed: what a `<Say>` speaks. */
  text: string;
}

// preserveOrder keeps the verbs in document order, which is the order Twilio runs them in.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toNode(entry: Ordered): TwimlNode | null {
  const name = Object.keys(entry).find((key) => key !== ':@');
  if (!name || name.startsWith('?')) return null;
  if (name === '#text') {
    const text = String(entry[name] ?? '').trim();
    return text ? { name, attrs: {}, children: [], text } : null;
  }
  const children = ((entry[name] as Ordered[] | undefined) ?? []).map(toNode).filter((node): node is TwimlNode => node !== null);
  const text = children
    .map((child) => child.text)
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { name, attrs: { ...(entry[':@'] ?? {}) }, children, text };
}

export class TwimlError extends Error {
  override name = 'TwimlError';
}

/** Parses a TwiML document as XML (not by string matching) and returns its `<Response>`. */
export function parseTwiml(xml: string): TwimlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new TwimlError(`The TwiML is not valid XML: ${valid.err.msg} (line ${valid.err.line})`);
  const nodes = (parser.parse(xml) as Ordered[]).map(toNode).filter((node): node is TwimlNode => node !== null);
  const response = nodes.find((node) => node.name === 'Response');
  if (!response) throw new TwimlError('The TwiML has no <Response> element.');
  return response;
}

/** The verbs of a document, text between them ignored. */
export function verbsOf(node: TwimlNode): TwimlNode[] {
  return node.children.filter((child) => child.name !== '#text');
}
