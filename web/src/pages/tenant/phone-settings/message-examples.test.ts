import { describe, expect, it } from 'vitest';
import { messageExamples } from './message-examples.ts';

// The example under each message box is in the business's own trade: a cleaner is not shown
// "We come to you and make your car shine".

const tenant = (industry: string | null) => ({ businessName: 'Tidy Homes', industry, phoneNumber: '+19185550123' });

describe('message examples on the phone settings page', () => {
  it("a house cleaner sees a cleaner's greeting, info and texts, with its own name and number filled in", () => {
    const examples = messageExamples(tenant('house-cleaning'));
    expect(examples.greetingText).toBe('Thanks for calling Tidy Homes. We clean your home so you can enjoy it.');
    expect(examples.infoText).toMatch(/Standard cleans start at \$149/);
    expect(examples.infoSmsText).toMatch(/^Tidy Homes: standard cleans from \$149.*call \+1 \(918\) 555-0123$/);
    expect(examples.missedCallText).toMatch(/^Sorry we missed your call at Tidy Homes/);
    for (const [field, text] of Object.entries(examples)) {
      expect(text, field).not.toMatch(/car\b|shine|detail/i);
      expect(text, field).not.toMatch(/[{}]/);
    }
  });

  it('the detailer keeps its own words; a business without a trade gets words for any business', () => {
    expect(messageExamples(tenant('auto-detailing')).infoText).toMatch(/make your car shine/);
    const plain = messageExamples(tenant(null));
    expect(plain.greetingText).toBe("Thanks for calling Tidy Homes. We're glad you reached us.");
    expect(Object.values(plain).join(' ')).not.toMatch(/car\b|lawn|clean/i);
  });

  it('a link the owner has to add is named in words, never as a placeholder the customer would see', () => {
    expect(messageExamples(tenant('lawn-care')).infoSmsText).toContain('Book: your booking link');
  });
});
