import { describe, expect, it } from 'vitest';
import { parseKeypresses } from './keypresses.ts';
import { prettyXml } from './pretty-xml.ts';

describe('prettyXml', () => {
  it('puts each element on its own indented line, text with its tags', () => {
    expect(prettyXml('<?xml version="1.0"?><Response><Gather action="/a?x=1&amp;y=2"><Say>Hi there</Say></Gather><Hangup/></Response>')).toBe(
      ['<?xml version="1.0"?>', '<Response>', '  <Gather action="/a?x=1&amp;y=2">', '    <Say>Hi there</Say>', '  </Gather>', '  <Hangup/>', '</Response>'].join('\n'),
    );
  });
});

describe('parseKeypresses', () => {
  it('one entry per menu: commas or spaces separate menus, otherwise one key each', () => {
    expect(parseKeypresses('')).toEqual([]);
    expect(parseKeypresses('2')).toEqual(['2']);
    expect(parseKeypresses('93')).toEqual(['9', '3']);
    expect(parseKeypresses('9, 3')).toEqual(['9', '3']);
    expect(parseKeypresses('12 3')).toEqual(['12', '3']);
  });
});
