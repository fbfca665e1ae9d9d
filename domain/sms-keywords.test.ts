import { describe, expect, it } from 'vitest';
import { classifyInbound } from './sms-keywords.ts';
import { autoReplyText, smsReplies } from './sms-replies.ts';

describe('classifyInbound', () => {
  it.each(['STOP', 'stop', ' Stop. ', 'StopAll', 'UNSUBSCRIBE', 'cancel', 'END', 'quit', 'Stop!'])('%j opts out', (body) => {
    expect(classifyInbound(body)).toBe('opt_out');
  });

  it.each(['START', 'unstop', 'Yes'])('%j opts back in', (body) => expect(classifyInbound(body)).toBe('opt_in'));
  it.each(['HELP', 'info', 'Help?'])('%j asks for help', (body) => expect(classifyInbound(body)).toBe('help'));

  it.each(['stop texting me', 'Please stop messaging me', "please don't text me anymore", 'Please dont text me', 'Do not contact me', 'remove me from your list', 'Take me off your list', 'no more texts please', 'opt me out'])(
    '%j is a polite stop, not an automatic opt-out',
    (body) => expect(classifyInbound(body)).toBe('polite_stop'),
  );

  it.each(['Can you stop by at 3?', 'Is the end of the day ok?', 'yes please book me for friday', 'Cancel my appointment tomorrow', 'hello', ''])('%j is anything else', (body) => {
    expect(classifyInbound(body)).toBe('other');
  });
});

describe('sms replies', () => {
  it('names the business in the opt-out confirmation, as carriers require', () => {
    expect(smsReplies.optOutConfirmation('Sudsy Paws')).toBe("You're unsubscribed from Sudsy Paws. Reply START to resubscribe.");
  });

  it('uses the tenant template, filling {business}, or a default naming the business', () => {
    expect(autoReplyText('Hi from {business}! Back soon.', 'Sudsy Paws')).toBe('Hi from Sudsy Paws! Back soon.');
    expect(autoReplyText(null, 'Sudsy Paws')).toContain('Sudsy Paws');
    expect(autoReplyText('   ', 'Sudsy Paws')).toContain('Sudsy Paws');
  });

  it('keeps owner alerts short', () => {
    const alert = smsReplies.ownerNewText('Jane (+14055550100)', 'x'.repeat(500));
    expect(alert.length).toBeLessThan(200);
  });
});
