import { describe, expect, it } from 'vitest';
import { industryPack } from '../industry-packs/index.ts';
import { generateCampaign, rewordCampaign, type Campaign } from './campaign.ts';
import { lintCampaign, problemFields } from './lint.ts';
import { registrationPages } from './pages.ts';

const businessName = 'Sunny Lawns';
const pages = registrationPages('https://app.example.com', 'sunny-lawns');
const context = { businessName, pages };
const generated = () => generateCampaign({ businessName, phoneLabel: '(918) 555-0100', pages, pack: industryPack('auto-detailing') });
const fields = (campaign: Campaign) => problemFields(lintCampaign(campaign, context));

describe('the generated campaign', () => {
  it('passes the lint by construction, links to the business’s own opt-in, privacy and terms pages', () => {
    const campaign = generated();
    expect(lintCampaign(campaign, context)).toEqual([]);
    expect(campaign.messageFlow).toContain('https://app.example.com/s/sunny-lawns/sms-opt-in');
    expect(campaign).toMatchObject({ privacyPolicyUrl: 'https://app.example.com/s/sunny-lawns/privacy', termsAndConditionsUrl: 'https://app.example.com/s/sunny-lawns/terms' });
    expect(campaign.messageSamples.length).toBeGreaterThanOrEqual(2);
    // The samples carry the booking link; the flags say so.
    expect(campaign.hasEmbeddedLinks).toBe(true);
  });
});

describe('lintCampaign refuses a bad campaign, in words an owner understands', () => {
  it('a short description and message flow', () => {
    const f = fields({ ...generated(), description: 'We text people.', messageFlow: 'They sign up.' });
    expect(f.description).toBe('The description of what you text needs at least 40 characters (it has 15).');
    expect(f.messageFlow).toMatch(/at least 40 characters/);
  });

  it('a message flow that does not name the opt-in page or STOP', () => {
    const problems = lintCampaign({ ...generated(), messageFlow: 'Customers give us their number at the counter when they pay for a service.' }, context);
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([`Say where customers sign up: include your SMS sign-up page, ${pages.optIn}.`, 'Say that customers can reply STOP to stop the texts.']),
    );
  });

  it('too few, too many, too short or too long samples', () => {
    expect(fields({ ...generated(), messageSamples: [`${businessName}: hi! Reply STOP to opt out.`] }).messageSamples).toBe('Give 2 to 5 example texts (there are 1).');
    expect(fields({ ...generated(), messageSamples: Array(6).fill(`${businessName}: see you soon. Reply STOP to opt out.`) }).messageSamples).toBe('Give 2 to 5 example texts (there are 6).');
    const short = lintCampaign(rewordCampaign(generated(), { ...generated(), messageSamples: [`${businessName} STOP ok`, 'Hi'] }), context);
    expect(short.map((p) => p.message)).toContain('Example text 2 needs at least 20 characters (it has 2).');
    const long = lintCampaign(rewordCampaign(generated(), { ...generated(), messageSamples: [`${businessName}: Reply STOP to opt out.`, 'x'.repeat(1025)] }), context);
    expect(long.map((p) => p.message)).toContain('Example text 2 can have at most 1,024 characters (it has 1,025).');
  });

  it('samples without the business name or a way to stop', () => {
    const f = lintCampaign(rewordCampaign(generated(), { ...generated(), messageSamples: ['Your appointment is tomorrow at 9.', 'Thanks for booking with us today!'] }), context).map((p) => p.message);
    expect(f).toContain(`At least one example text must name your business (“${businessName}”), so people know who is texting.`);
    expect(f).toContain('At least one example text must say how to stop the texts (for example “Reply STOP to opt out”).');
  });

  it('link and phone flags that do not match the samples', () => {
    const noLinks = [`${businessName}: your wash is tomorrow at 9. Reply STOP to opt out.`, `${businessName}: thanks for choosing us today!`];
    expect(fields({ ...generated(), messageSamples: noLinks, hasEmbeddedLinks: true }).hasEmbeddedLinks).toBe('The campaign says the texts contain links, but no example text has one.');
    expect(fields({ ...generated(), hasEmbeddedLinks: false }).hasEmbeddedLinks).toBe('An example text contains a link: the campaign must say the texts contain links.');
    const withPhone = [`${businessName}: call us at (918) 555-0100. Reply STOP to opt out.`, `${businessName}: thanks for choosing us today!`];
    expect(fields({ ...generated(), messageSamples: withPhone, hasEmbeddedLinks: false, hasEmbeddedPhone: false }).hasEmbeddedPhone).toBe(
      'An example text contains a phone number: the campaign must say the texts contain phone numbers.',
    );
  });

  it('opt-in, opt-out and help texts missing or without STOP and HELP', () => {
    const f = lintCampaign({ ...generated(), optInMessage: 'You are signed up for our texts, welcome aboard!', optOutMessage: '', helpMessage: 'Call us.' }, context).map((p) => p.message);
    expect(f).toEqual(
      expect.arrayContaining([
        'The sign-up confirmation text must tell people to reply STOP to opt out.',
        'The sign-up confirmation text must tell people to reply HELP for help.',
        'The reply to STOP needs at least 20 characters (it has 0).',
        'The reply to HELP needs at least 20 characters (it has 8).',
      ]),
    );
  });

  it('privacy and terms links that are not the business’s own pages', () => {
    const f = fields({ ...generated(), privacyPolicyUrl: 'https://example.org/privacy', termsAndConditionsUrl: '' });
    expect(f.privacyPolicyUrl).toBe(`The privacy policy must be your site's own page, ${pages.privacy}.`);
    expect(f.termsAndConditionsUrl).toBe(`The terms must be your site's own page, ${pages.terms}.`);
  });
});
