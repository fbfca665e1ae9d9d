// What an inbound text asks for. Pure, so the conversation workflow can use it.

/** The carrier-standard opt-out words (Twilio's list, including OPTOUT and REVOKE added for the FCC's 2025 rules). */
export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'] as const;
export const OPT_IN_KEYWORDS = ['START', 'UNSTOP', 'YES'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

export type InboundIntent = 'opt_out' | 'opt_in' | 'help' | 'polite_stop' | 'other';

// A person asking in their own words. Not a keyword, so not an automatic opt-out (a human decides),
// but the owner must see it.
const POLITE_STOP = [
  /\bstop\s+(texting|messaging|sending|contacting|txting)\b/,
  /\b(don'?t|do\s+not|dont|never)\s+(text|message|txt|contact)\b/,
  /\bno\s+more\s+(texts|messages|txts)\b/,
  /\b(remove|take)\s+me\s+(from|off)\b/,
  /\bremove\s+me\b/,
  /\b(unsubscribe|opt)\s+me\b/,
  /\bopt\s+out\b/,
];

/**
 * Keywords match the whole message only (case and surrounding spaces or punctuation ignored), as
 * carriers do: "Stop." opts out, "stop by at 3?" does not.
 */
export function classifyInbound(body: string): InboundIntent {
  const word = body.trim().replace(/^[\s"'.!?]+|[\s"'.!?]+$/g, '').toUpperCase();
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(word)) return 'opt_out';
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(word)) return 'opt_in';
  if ((HELP_KEYWORDS as readonly string[]).includes(word)) return 'help';
  const text = body.toLowerCase().replace(/[’‘]/g, "'");
  if (POLITE_STOP.some((pattern) => pattern.test(text))) return 'polite_stop';
  return 'other';
}
