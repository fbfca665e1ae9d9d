// How many SMS segments a body costs, the way carriers bill it: GSM-7 fits 160 characters in one
// segment (153 per part once split), anything outside GSM-7 switches the whole text to UCS-2
// (70, then 67 per part). The answers equal Twilio's own calculator (sms-segments-calculator,
// proven against it in the test), but that library is quadratic in the body length — one 3 MB
// text stalled the process — so this is the same packing in a single pass.

/** Twilio's limit for one text (it refuses longer bodies and never delivers longer ones). */
export const SMS_MAX_CHARACTERS = 1_600;

// The GSM 03.38 default alphabet and its extension table (each extension character is an escape
// plus a code: two septets). Exactly the characters Twilio's calculator maps.
const GSM_BASIC = "\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz¡£¤¥§¿ÄÅÆÇÉÑÖØÜßàäåæèéìñòöøùüΓΔΘΛΞΠΣΦΨΩ";
const GSM_EXTENSION = '\f[\\]^{|}~€';

/** Septets per UTF-16 code unit: 0 = not in GSM-7. */
const SEPTETS = new Uint8Array(0x10000);
for (const char of GSM_BASIC) SEPTETS[char.charCodeAt(0)] = 1;
for (const char of GSM_EXTENSION) SEPTETS[char.charCodeAt(0)] = 2;

// A segment is 140 octets; a part of a split text gives 6 of them to the concatenation header.
const SEGMENT_BITS = 1120;
const HEADER_BITS = 48;

/**
 * Packs characters into segments exactly as Twilio's calculator does: greedily, never splitting a
 * character; when the first segment overflows it gains the header too and hands its last
 * characters to the second. Only the first segment's sizes are remembered (it is the only one that
 * ever gives characters back), so the pass is linear.
 */
class SegmentPacker {
  private first: number[] = [];
  private firstBits = 0;
  private firstHasHeader = false;
  private currentBits = 0;
  private onFirst = true;
  count = 1;

  add(bits: number) {
    const used = this.onFirst ? this.firstBits : this.currentBits;
    if (SEGMENT_BITS - used < bits) {
      this.count += 1;
      this.currentBits = HEADER_BITS;
      if (this.onFirst && !this.firstHasHeader) {
        this.firstHasHeader = true;
        this.firstBits += HEADER_BITS;
        while (this.firstBits > SEGMENT_BITS) {
          const moved = this.first.pop()!;
          this.firstBits -= moved;
          this.currentBits += moved;
        }
      }
      this.onFirst = false;
    }
    if (this.onFirst) {
      this.first.push(bits);
      this.firstBits += bits;
    } else {
      this.currentBits += bits;
    }
  }
}

function isGsm7(body: string): boolean {
  for (let i = 0; i < body.length; i++) if (SEPTETS[body.charCodeAt(i)] === 0) return false;
  return true;
}

// What a carrier will not split: a user-perceived character (an extended grapheme cluster, as
// Twilio's calculator finds them): a flag, an emoji with its modifiers and ZWJ partners, a Hangul
// syllable spelt in jamo, a letter with its combining marks, or any single code point. CR and LF
// are two, as in the calculator. Emoji newer than the calculator's 2017 tables (🧑‍🤝‍🧑, ❤️‍🔥) stay
// whole here, as today's phones show them. Each alternative starts differently, so the regex
// never backtracks far: linear.
const EXTEND = String.raw`[\p{M}\u200D\u{E0020}-\u{E007F}]`;
const SKIN_TONE = String.raw`[\u{1F3FB}-\u{1F3FF}]`;
const [L, V, T, SYLLABLE] = [String.raw`[\u1100-\u115F\uA960-\uA97C]`, String.raw`[\u1160-\u11A7\uD7B0-\uD7C6]`, String.raw`[\u11A8-\u11FF\uD7CB-\uD7FB]`, String.raw`[\uAC00-\uD7A3]`];
const GRAPHEME = new RegExp(
  [
    String.raw`\p{RI}\p{RI}${EXTEND}*`,
    String.raw`\p{Extended_Pictographic}(?:\u200D\p{Extended_Pictographic}|${EXTEND}|${SKIN_TONE})*`,
    String.raw`(?:${L}+${SYLLABLE}?${V}*${T}*|${SYLLABLE}${V}*${T}*|${V}+${T}*|${T}+)${EXTEND}*`,
    String.raw`[^\r\n]${EXTEND}*`,
    String.raw`[\s\S]`,
  ].join('|'),
  'uy',
);

/**
 * BMP code units that are a character on their own (1) and that never join the one before (2):
 * most of a text, counted without the regex. Built on first use (a few milliseconds).
 */
let simpleUnits: Uint8Array | undefined;
function simple(): Uint8Array {
  if (simpleUnits) return simpleUnits;
  const table = new Uint8Array(0x10000);
  const joins = new RegExp(String.raw`${EXTEND}|${V}|${T}|[\uD800-\uDFFF]`, 'u');
  const starts = new RegExp(String.raw`\p{Extended_Pictographic}|${L}|${SYLLABLE}|${V}|${T}|[\r\n\uD800-\uDFFF]`, 'u');
  for (let code = 0; code <= 0xffff; code++) {
    const char = String.fromCharCode(code);
    if (!joins.test(char)) table[code] = starts.test(char) ? 2 : 3;
  }
  simpleUnits = table;
  return table;
}

export function smsEncoding(body: string): 'GSM-7' | 'UCS-2' {
  return isGsm7(body) ? 'GSM-7' : 'UCS-2';
}

export function smsSegments(body: string): number {
  const packer = new SegmentPacker();
  if (isGsm7(body)) {
    for (let i = 0; i < body.length; i++) packer.add(7 * SEPTETS[body.charCodeAt(i)]!);
  } else {
    // UCS-2: 16 bits per UTF-16 code unit (GSM-7 characters included), clusters kept whole.
    const units = simple();
    for (let i = 0; i < body.length; ) {
      // A plain character not followed by a joiner is a character of its own: no regex needed.
      if ((units[body.charCodeAt(i)]! & 1) === 1 && (i + 1 === body.length || (units[body.charCodeAt(i + 1)]! & 2) === 2)) {
        packer.add(16);
        i += 1;
        continue;
      }
      GRAPHEME.lastIndex = i;
      const cluster = GRAPHEME.exec(body)![0];
      packer.add(16 * cluster.length);
      i += cluster.length;
    }
  }
  return packer.count;
}

const isPairAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
};

/** Characters (code points: an emoji is one), counted without copying the text. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += isPairAt(text, i) ? 2 : 1) count++;
  return count;
}

/**
 * The first `max` characters (code points, so an emoji is never cut in half), and whether
 * anything was cut. Reads no further than it keeps, however long the text.
 */
export function firstCharacters(text: string, max: number): { text: string; cut: boolean } {
  let end = 0;
  for (let kept = 0; kept < max && end < text.length; kept++) end += isPairAt(text, end) ? 2 : 1;
  return end >= text.length ? { text, cut: false } : { text: text.slice(0, end), cut: true };
}
