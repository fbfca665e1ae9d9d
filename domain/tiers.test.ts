import { describe, expect, it } from 'vitest';
import { effectiveIvrMode, featureForIvrMode, featureLockedMessage, hasFeature, planThatUnlocks } from './tiers.ts';

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
});
