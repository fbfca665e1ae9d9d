// TwiML as data: a list of verbs, rendered to XML. Hand-rolled on purpose: it runs inside the
// workflow sandbox, where XML libraries that pull in Node's streams are not allowed.

export type Verb =
  | { say: string }
  | { gather: { action: string; numDigits: number; timeout: number; say: string } }
  | { dial: { action?: string; callerId: string; timeout: number; number?: { to: string; screenUrl?: string }; sip?: string } }
  | { record: { action: string; maxLength: number } }
  | { hangup: true };

const VOICE = { voice: 'Polly.Joanna', language: 'en-US' };

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function element(name: string, attributes: Record<string, string | undefined>, children: string | string[] = []): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escape(value)}"`)
    .join('');
  const inner = typeof children === 'string' ? escape(children) : children.join('');
  return inner ? `<${name}${attrs}>${inner}</${name}>` : `<${name}${attrs}/>`;
}

const say = (words: string) => element('Say', VOICE, words);

function renderVerb(verb: Verb): string {
  if ('say' in verb) return say(verb.say);
  if ('gather' in verb) {
    const { action, numDigits, timeout } = verb.gather;
    // actionOnEmptyResult: no input also comes back to us, so the workflow decides (repeat, then voicemail).
    return element('Gather', { input: 'dtmf', numDigits: String(numDigits), timeout: String(timeout), action, method: 'POST', actionOnEmptyResult: 'true' }, [say(verb.gather.say)]);
  }
  if ('dial' in verb) {
    const { action, callerId, timeout, number, sip } = verb.dial;
    const target = sip ? element('Sip', {}, sip) : number ? element('Number', { url: number.screenUrl, method: number.screenUrl ? 'POST' : undefined }, number.to) : '';
    return element('Dial', { callerId, timeout: String(timeout), answerOnBridge: 'true', action, method: action ? 'POST' : undefined }, [target]);
  }
  if ('record' in verb) return element('Record', { action: verb.record.action, method: 'POST', maxLength: String(verb.record.maxLength), playBeep: 'true', finishOnKey: '#' });
  return element('Hangup', {});
}

export function renderTwiml(verbs: Verb[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${element('Response', {}, verbs.map(renderVerb))}`;
}
