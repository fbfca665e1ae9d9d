// What Twilio sends is signed, not safe: a caller ID, a name or a text can carry control
// characters (Postgres refuses NUL in text; XML 1.0 refuses most C0 characters, so TwiML built
// from them would be broken), and a duration can be anything a form field can hold.

/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** The field without control characters: a text keeps its line breaks, a number its digits. */
export const withoutControlCharacters = (value: string): string => value.replace(CONTROL_CHARACTERS, '');

/** Every webhook field (names too) without control characters; a name that was nothing but them is dropped. */
export function cleanTwilioParams(params: Record<string, string>): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const key = withoutControlCharacters(name);
    if (key) clean[key] = withoutControlCharacters(value);
  }
  return clean;
}

/** Twilio ends every call within 24 hours, so no call or recording is longer. */
export const LONGEST_CALL_SECONDS = 86_400;

/**
 * A duration in whole seconds, 0 … LONGEST_CALL_SECONDS, from whatever arrived ("60", "-5",
 * "NaN", "12.7", "1e400", a number, nothing). Negative usage would be a billing credit, and a
 * NaN or an out-of-range integer a write that fails on every retry.
 */
export function wholeSeconds(raw: unknown): number {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : 0;
  if (Number.isNaN(value) || value <= 0) return 0;
  return Math.min(LONGEST_CALL_SECONDS, Math.floor(value));
}
