import { describe, expect, it } from 'vitest';
import { twimlText, twimlVerbs } from '../tests/twiml.ts';
import { renderTwiml } from './twiml.ts';

describe('renderTwiml', () => {
  it('produces well-formed XML, escaping what a tenant typed', () => {
    const twiml = renderTwiml([{ say: `Tom & Jerry's <Detailing> "Co"` }, { hangup: true }]);
    const [[say, node], [hangup]] = twimlVerbs(twiml) as [[string, Record<string, unknown>], [string]];
    expect(say).toBe('Say');
    expect(twimlText(node)).toBe(`Tom & Jerry's <Detailing> "Co"`);
    expect(node['@voice']).toBe('Polly.Joanna');
    expect(hangup).toBe('Hangup');
  });

  it('an empty response is <Response/>', () => {
    expect(renderTwiml([])).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });
});
