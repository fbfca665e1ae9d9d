import { parseTwiml, verbsOf, type TwimlNode as ParsedNode } from '../api/sandbox/twiml-parser.ts';

// Tests read TwiML with the simulator's own parser (api/sandbox/twiml-parser.ts), seen here as plain objects
// that are quick to assert on: `{ '@action': '/twilio/voice/step?…', Say: { '#': 'Press 1…' } }`.

/** A verb's attributes as `@name`, its text as `#`, and its first child of each name by that name. */
export type TwimlNode = { [key: string]: unknown; '#'?: string };

function toNode(element: ParsedNode): TwimlNode {
  const node: TwimlNode = Object.fromEntries(Object.entries(element.attrs).map(([name, value]) => [`@${name}`, value]));
  for (const child of element.children) {
    if (child.name === '#text') node['#'] = child.text;
    else node[child.name] ??= toNode(child);
  }
  return node;
}

/** TwiML parsed as XML (entities decoded): the verbs of <Response> in document order. */
export function twimlVerbs(twiml: string): [string, TwimlNode][] {
  return verbsOf(parseTwiml(twiml)).map((verb) => [verb.name, toNode(verb)]);
}

/** The text of a verb such as <Say> or <Number>. */
export const twimlText = (node: unknown): string => String((node as TwimlNode | undefined)?.['#'] ?? '');
