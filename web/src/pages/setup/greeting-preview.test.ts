import { describe, expect, it } from 'vitest';
import { previewCall, spoken } from './greeting-preview.ts';

const input = { businessName: 'Sunny Lawns & Co', greetingText: 'Thanks for calling Sunny Lawns & Co, lawn care that shows.', infoText: 'We mow, edge and feed lawns from $45 a visit.', timeZone: 'America/Chicago', ownerPhone: '+19185550123', phoneNumber: null };

describe('greeting preview', () => {
  it('plays the owner’s own greeting, then the menu, then the info text after 1 — through the IVR reducer', () => {
    const [answered, pressedOne] = previewCall(input);
    expect(answered!.said).toEqual([expect.stringMatching(/^Thanks for calling Sunny Lawns & Co, lawn care that shows\. Press 1 to hear about our services/)]);
    expect(answered!.twiml).toContain('<Gather');
    expect(pressedOne!.said[0]).toMatch(/^We mow, edge and feed lawns from \$45 a visit\. Press 1/);
  });

  it('falls back to the IVR’s own words when a text is left empty', () => {
    const [answered] = previewCall({ ...input, greetingText: '  ' });
    expect(answered!.said[0]).toMatch(/^Thanks for calling Sunny Lawns & Co\. Press 1/);
  });

  it('reads every Say of a TwiML answer, entities decoded', () => {
    expect(spoken('<Response><Say voice="x">A &amp; B</Say><Gather><Say>Press 1</Say></Gather></Response>')).toEqual(['A & B', 'Press 1']);
  });
});
