import { describe, expect, it } from 'vitest';
import { smsEncoding, smsSegments } from './sms-segments.ts';

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
});
