import { describe, expect, it } from 'vitest';
import { effectiveIvrMode, featureForIvrMode, featureLockedMessage, hasFeature, jokesLockedMessage, planFeatures, planThatUnlocks } from './tiers.ts';

describe('tiers', () => {
  it('starter forwards only; pro adds the IVR and campaigns; elite adds AI voice and SIP', () => {
    expect(hasFeature('starter', 'ivr')).toBe(false);
    expect(hasFeature('pro', 'ivr')).toBe(true);
    expect(hasFeature('pro', 'campaigns')).toBe(true);
    expect(hasFeature('pro', 'aiVoice')).toBe(false);
    expect(hasFeature('elite', 'aiVoice')).toBe(true);
    expect(hasFeature('elite', 'sipSoftphone')).toBe(true);
  });

  it('says which plan unlocks a feature', () => {
    expect(planThatUnlocks('ivr')).toBe('pro');
    expect(planThatUnlocks('aiVoice')).toBe('elite');
    expect(featureLockedMessage('ivr')).toBe('The phone menu (IVR) is part of the Pro plan — upgrade to use it.');
  });

  it('a downgrade falls back to what the plan has', () => {
    expect(featureForIvrMode('simple')).toBeNull();
    expect(effectiveIvrMode('starter', 'ivr')).toBe('simple');
    expect(effectiveIvrMode('pro', 'ai-voice')).toBe('ivr');
    expect(effectiveIvrMode('elite', 'ai-voice')).toBe('ai-voice');
  });

  it('a plan lists only what exists today; what is sold but not built yet is "coming soon"', () => {
    expect(planFeatures('starter')).toEqual({ included: [], comingSoon: [] });
    expect(planFeatures('pro')).toEqual({
      included: ['The phone menu (IVR)', 'SMS automations', 'All website templates'],
      comingSoon: ['The AI text and web agent', 'Campaigns'],
    });
    expect(planFeatures('elite')).toEqual({
      included: ['The phone menu (IVR)', 'SMS automations', 'All website templates', 'A custom website domain', 'The SIP softphone'],
      comingSoon: ['The AI text and web agent', 'Campaigns', 'The AI voice receptionist'],
    });
  });

  it('jokes need the phone menu, and the message says which plan has it', () => {
    expect(jokesLockedMessage('starter')).toBe('Jokes play in the phone menu (press 7), which is part of the Pro plan — upgrade to offer them.');
    expect(jokesLockedMessage('pro')).toBeNull();
    expect(jokesLockedMessage('elite')).toBeNull();
  });
});
