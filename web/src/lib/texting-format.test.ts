import { describe, expect, it } from 'vitest';
import { registrationSentence, stepsDone } from './texting-format.ts';

describe('texting registration words', () => {
  it('says where texts go from while waiting, and from the own number once approved', () => {
    expect(registrationSentence('campaign_review', '(918) 555-0100')).toContain('go out from the ServicePro number (918) 555-0100, so none is lost');
    expect(registrationSentence('approved', 'x')).toBe('Approved: your texts to customers now go out from your own business number.');
    expect(registrationSentence('not_started', 'x')).toContain('from your own number today');
  });

  it('counts the steps behind the business', () => {
    expect(stepsDone('pending', null)).toBe(0);
    expect(stepsDone('brand_review', null)).toBe(1);
    expect(stepsDone('campaign_review', null)).toBe(2);
    expect(stepsDone('approved', null)).toBe(4);
    expect(stepsDone('action_needed', 'brand')).toBe(1);
    expect(stepsDone('action_needed', 'website')).toBe(2);
    expect(stepsDone('action_needed', 'campaign')).toBe(2);
  });
});
