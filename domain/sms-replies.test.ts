import { describe, expect, it } from 'vitest';
import { smsReplies } from './sms-replies.ts';

describe('smsReplies', () => {
  it('a preview of a long text never cuts an emoji in half (a lone surrogate cannot be stored)', () => {
    const alert = smsReplies.ownerNewText('+14055550142', '😀'.repeat(200));
    expect(alert).toBe(`New text from +14055550142: "${'😀'.repeat(119)}…"`);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(alert)).toBe(false);
  });
});
