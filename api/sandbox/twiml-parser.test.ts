import { describe, expect, it } from 'vitest';
import { parseTwiml, TwimlError, verbsOf } from './twiml-parser.ts';

describe('parseTwiml', () => {
  it('reads verbs in order with their attributes and decoded text', () => {
    const response = parseTwiml('<?xml version="1.0"?><Response><Say voice="Polly.Joanna">Tom &amp; Jerry\'s</Say><Hangup/></Response>');
    expect(verbsOf(response).map((verb) => [verb.name, verb.attrs, verb.text])).toEqual([
      ['Say', { voice: 'Polly.Joanna' }, "Tom & Jerry's"],
      ['Hangup', {}, ''],
    ]);
  });

  it('refuses what is not TwiML', () => {
    expect(() => parseTwiml('<Response><Say>')).toThrow(TwimlError);
    expect(() => parseTwiml('<Other/>')).toThrow(/no <Response>/);
  });
});
