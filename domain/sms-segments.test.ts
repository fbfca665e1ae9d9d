import { SegmentedMessage } from 'sms-segments-calculator';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { firstCharacters, SMS_MAX_CHARACTERS, smsEncoding, smsSegments } from './sms-segments.ts';

describe('smsSegments', () => {
  it('GSM-7: 160 characters in one segment, then 153 per part', () => {
    expect(smsSegments('')).toBe(1);
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('a'.repeat(306))).toBe(2);
    expect(smsSegments('a'.repeat(307))).toBe(3);
    expect(smsEncoding('Café à 5€')).toBe('GSM-7'); // é, à and € are in the GSM-7 tables
  });

  it('GSM-7 extension characters count twice', () => {
    expect(smsSegments('{'.repeat(80))).toBe(1);
    expect(smsSegments('{'.repeat(81))).toBe(2);
    for (const ext of '€[]{}^~|\\\f') {
      expect(smsSegments(ext.repeat(80)), `80 × ${JSON.stringify(ext)}`).toBe(1);
      expect(smsSegments(ext.repeat(81)), `81 × ${JSON.stringify(ext)}`).toBe(2);
    }
    // An extension character is never split across parts: 152 + a 2-septet € does not fit 153.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(153)}`)).toBe(3);
  });

  it('UCS-2: one character outside GSM-7 makes it 70, then 67 per part', () => {
    expect(smsEncoding('Thanks! ✨')).toBe('UCS-2');
    expect(smsSegments(`✨${'a'.repeat(69)}`)).toBe(1);
    expect(smsSegments(`✨${'a'.repeat(70)}`)).toBe(2);
    expect(smsSegments(`✨${'a'.repeat(133)}`)).toBe(2);
    expect(smsSegments(`✨${'a'.repeat(134)}`)).toBe(3);
    // An emoji is two UTF-16 code units: 35 fit one segment.
    expect(smsSegments('😀'.repeat(35))).toBe(1);
    expect(smsSegments('😀'.repeat(36))).toBe(2);
  });

  it('counts a 3 MB body in milliseconds: linear in its length, GSM-7 and UCS-2 alike', () => {
    const timed = (body: string) => {
      const started = performance.now();
      const segments = smsSegments(body);
      return { segments, ms: performance.now() - started };
    };
    // 30 KB first: Twilio's calculator (quadratic) needs seconds for it, so a slow counter fails here
    // instead of blocking the test process on 3 MB for minutes.
    expect(timed('Hello {world} '.repeat(2_200)).ms).toBeLessThan(250);
    const gsm = timed('Hello {world} '.repeat((3 * 1024 * 1024) / 14));
    const ucs = timed('Hi 😀 there 👨‍👩‍👧 ok é '.repeat((3 * 1024 * 1024) / 24));
    expect(gsm.segments).toBeGreaterThan(20_000);
    expect(ucs.segments).toBeGreaterThan(40_000);
    // Milliseconds on an idle machine; shared CI cores get slack.
    expect(gsm.ms).toBeLessThan(1_500);
    expect(ucs.ms).toBeLessThan(1_500);
  });
});

/** The calculator's GSM-7 table: UTF-16 code → its one or two septets. */
const UnicodeToGsm: Record<string, number[]> = createRequire(import.meta.url)('sms-segments-calculator/dist/libs/UnicodeToGSM.js').default;

// ── The same answers as Twilio's own calculator, which is quadratic and so no longer used ─────

const twilio = (body: string) => {
  const message = new SegmentedMessage(body);
  return { segments: Math.max(1, message.segmentsCount), encoding: message.encodingName };
};
const ours = (body: string) => ({ segments: smsSegments(body), encoding: smsEncoding(body) });

/** A small seeded generator, so a failure names a body that can be reproduced. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Whole characters as people type them: GSM-7, its extension table, Latin letters outside GSM-7,
// BMP symbols, emoji (surrogate pairs), skin tones, ZWJ families, flags, combining accents, CR/LF.
// (Lone joiners glued to unrelated characters follow today's Unicode rules, not the calculator's.)
const GSM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?:;\'"@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¡¿ÄÖÑÜ§äöñüà\n\r';
const EXTENSION = ['€', '[', ']', '{', '}', '^', '~', '|', '\\', '\f'];
const OTHER = ['ç', 'ł', 'ő', 'á', '✨', '™', '“', '”', '’', '–', 'ア', '中', '😀', '🐶', '👍🏽', '👨‍👩‍👧', '👩‍💻', '🇺🇸', '🇨🇦', 'é', 'ñ', '𝐀', '\r\n', '❤️', '🏳️‍🌈', '👨🏽‍🚀', '#️⃣', 'क्षि', '\u1100\u1161\u11A8'];

function randomBody(next: () => number, length: number, pool: string[]): string {
  let body = '';
  while (body.length < length) body += pool[Math.floor(next() * pool.length)];
  return body;
}

describe('smsSegments equals sms-segments-calculator', () => {
  it('on the edges: exactly 70/71 and 160/161, 153/306/307 and 67/134/135 per part, emoji on a part boundary', () => {
    const bodies = [
      '', 'a', 'a'.repeat(70), 'a'.repeat(71), 'a'.repeat(159), 'a'.repeat(160), 'a'.repeat(161), 'a'.repeat(306), 'a'.repeat(307), 'a'.repeat(1600),
      '€'.repeat(80), '€'.repeat(81), `${'a'.repeat(159)}€`, `${'a'.repeat(158)}€`, `${'a'.repeat(152)}€${'a'.repeat(153)}`,
      `✨${'a'.repeat(69)}`, `✨${'a'.repeat(70)}`, `✨${'a'.repeat(133)}`, `✨${'a'.repeat(134)}`, `✨${'a'.repeat(200)}`,
      '😀'.repeat(35), '😀'.repeat(36), `${'a'.repeat(66)}😀${'a'.repeat(10)}`, `${'a'.repeat(65)}😀${'a'.repeat(10)}`, `${'a'.repeat(66)}😀`,
      `${'b'.repeat(63)}👨‍👩‍👧${'b'.repeat(67)}`, `${'b'.repeat(60)}👨‍👩‍👧${'b'.repeat(67)}`, `${'c'.repeat(66)}🇺🇸${'c'.repeat(70)}`,
      `${'d'.repeat(66)}é${'d'.repeat(70)}`, 'a\r\nb', '\r\n'.repeat(80), '\r\n'.repeat(81), `${'e'.repeat(66)}👍🏽${'e'.repeat(70)}`,
      'ç'.repeat(70), 'ç'.repeat(71), '\uD83D'.repeat(71), `x${'\u0301'.repeat(100)}${'y'.repeat(100)}`, 'a\u0301'.repeat(80),
    ];
    for (const body of bodies) expect(ours(body), JSON.stringify(body.slice(0, 80))).toEqual(twilio(body));
  });

  it('on every single BMP character: the same encoding, and the same GSM-7 table (extension characters count double)', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const expected = twilio(char);
      const actual = ours(char);
      if (actual.encoding !== expected.encoding) expect(actual, `U+${code.toString(16).padStart(4, '0')}`).toEqual(expected);
    }
    // The calculator's own table, character by character: one septet or two (escape + code).
    expect(Object.keys(UnicodeToGsm)).toHaveLength(137);
    for (const [code, septets] of Object.entries(UnicodeToGsm)) {
      const char = String.fromCharCode(Number(code));
      expect(smsSegments(char.repeat(160 / septets.length)), `U+${Number(code).toString(16)} fits 160 septets`).toBe(1);
      expect(smsSegments(char.repeat(160 / septets.length + 1)), `U+${Number(code).toString(16)} overflows`).toBe(2);
    }
  });

  it('differs on purpose only where the calculator\'s 2017 Unicode tables are out of date: newer emoji stay whole', () => {
    // 🧑‍🤝‍🧑 (Unicode 12) is one character on today's phones; the calculator splits it in three.
    const body = `✨${'a'.repeat(62)}🧑‍🤝‍🧑${'a'.repeat(62)}`;
    expect(smsSegments(body)).toBe(3); // 63 units + the 8-unit emoji overflow the first part of 67: it moves whole
    expect(twilio(body).segments).toBe(2);
  });

  it('on 1,500 random bodies of up to 600 characters (seeded)', () => {
    const next = random(20261201);
    for (let i = 0; i < 1_500; i++) {
      const pool = i % 3 === 0 ? [...GSM] : i % 3 === 1 ? [...GSM, ...EXTENSION] : [...GSM, ...EXTENSION, ...OTHER];
      const body = randomBody(next, Math.floor(next() * 600), pool);
      const expected = twilio(body);
      const actual = ours(body);
      if (actual.segments !== expected.segments || actual.encoding !== expected.encoding) {
        expect(actual, `body #${i}: ${JSON.stringify(body)}`).toEqual(expected);
      }
    }
  });
});

describe('firstCharacters (the 1,600-character cap of a text)', () => {
  it('keeps the first 1,600 characters and says whether it cut', () => {
    expect(SMS_MAX_CHARACTERS).toBe(1_600);
    expect(firstCharacters('hello', 1_600)).toEqual({ text: 'hello', cut: false });
    expect(firstCharacters('a'.repeat(1_600), 1_600)).toEqual({ text: 'a'.repeat(1_600), cut: false });
    expect(firstCharacters('a'.repeat(1_601), 1_600)).toEqual({ text: 'a'.repeat(1_600), cut: true });
  });

  it('counts an emoji as one character and never cuts one in half', () => {
    const emoji = '😀'.repeat(1_600);
    expect(firstCharacters(emoji, 1_600)).toEqual({ text: emoji, cut: false });
    const cut = firstCharacters(`${'a'.repeat(1_599)}😀😀`, 1_600);
    expect(cut).toEqual({ text: `${'a'.repeat(1_599)}😀`, cut: true });
  });

  it('looks only at the first characters of a 3 MB body', () => {
    const body = 'x'.repeat(3 * 1024 * 1024);
    const started = performance.now();
    expect(firstCharacters(body, 1_600).text).toHaveLength(1_600);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
