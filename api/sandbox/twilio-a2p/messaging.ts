import { Hono, type Context } from 'hono';
import { formOf, iso, notFound, page, twilioError } from './http.ts';
import { phoneNumberSid, sid, type A2pStore, type Brand, type Campaign, type Service } from './store.ts';

// Messaging: brands (BrandRegistrations, with Twilio's own `Mock` flag), Messaging Services, the
// campaign of a service (Compliance/Usa2p) and the numbers in it; plus the account's numbers by
// E.164 (IncomingPhoneNumbers), which is how a number's PN sid is found.

const CAMPAIGN_FIELDS = ['Description', 'MessageFlow', 'UsAppToPersonUsecase', 'OptInMessage', 'OptOutMessage', 'HelpMessage', 'PrivacyPolicyUrl', 'TermsAndConditionsUrl'] as const;
const CAMPAIGN_LISTS = ['MessageSamples', 'OptInKeywords', 'OptOutKeywords', 'HelpKeywords'] as const;
const CAMPAIGN_FLAGS = ['HasEmbeddedLinks', 'HasEmbeddedPhone', 'SubscriberOptIn', 'AgeGated', 'DirectLending'] as const;
const snake = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

export function messagingRoutes(store: A2pStore, accountSid: string) {
  const app = new Hono();
  const lost = (c: Context) => twilioError(c, 500, 20500, 'Internal Server Error');

  const brandJson = (b: Brand) => ({
    sid: b.sid, account_sid: accountSid, customer_profile_bundle_sid: b.customerProfileBundleSid, a2p_profile_bundle_sid: b.a2pProfileBundleSid,
    date_created: iso(b.dateCreated), date_updated: iso(b.dateCreated), brand_type: b.brandType, status: b.status, tcr_id: b.status === 'APPROVED' ? `B${b.sid.slice(2, 8).toUpperCase()}` : null,
    failure_reason: b.errors.map((e) => e.description).join('; ') || null, errors: b.errors, url: `https://messaging.twilio.com/v1/a2p/BrandRegistrations/${b.sid}`,
    brand_score: null, brand_feedback: null, identity_status: b.status === 'APPROVED' ? 'VERIFIED' : null, russell_3000: false, government_entity: false, tax_exempt_status: null,
    skip_automatic_sec_vet: false, mock: b.mock, links: {},
  });
  const serviceJson = (s: Service) => ({
    sid: s.sid, account_sid: accountSid, friendly_name: s.friendlyName, date_created: iso(s.dateCreated), date_updated: iso(s.dateCreated),
    inbound_request_url: null, use_inbound_webhook_on_number: true, us_app_to_person_registered: [...store.campaigns.values()].some((k) => k.messagingServiceSid === s.sid && k.status === 'VERIFIED'),
    url: `https://messaging.twilio.com/v1/Services/${s.sid}`, links: {},
  });
  const campaignJson = (k: Campaign) => ({
    sid: k.sid, account_sid: accountSid, messaging_service_sid: k.messagingServiceSid, ...k.fields, campaign_status: k.status,
    campaign_id: k.status === 'VERIFIED' ? `C${k.sid.slice(2, 8).toUpperCase()}` : null, is_externally_registered: false, rate_limits: {}, errors: k.errors,
    date_created: iso(k.dateCreated), date_updated: iso(k.dateCreated), url: `https://messaging.twilio.com/v1/Services/${k.messagingServiceSid}/Compliance/Usa2p/${k.sid}`, mock: false,
  });

  app.post('/v1/a2p/BrandRegistrations', async (c) => {
    const form = await formOf(c);
    const [profile, a2p] = [form.one('CustomerProfileBundleSid'), form.one('A2PProfileBundleSid')];
    if (!profile || !store.bundles.has(profile) || !a2p || !store.bundles.has(a2p)) return twilioError(c, 400, 21725, 'The Customer Profile or A2P Trust Product of this brand does not exist.');
    const brand: Brand = { sid: sid('BN'), customerProfileBundleSid: profile, a2pProfileBundleSid: a2p, brandType: form.one('BrandType') ?? 'STANDARD', mock: form.bool('Mock'), dateCreated: new Date().toISOString(), status: '', fetches: 0, errors: [], verdict: null };
    store.brands.set(brand.sid, brand);
    store.submit('brand', brand);
    return store.loseAnswer('brand') ? lost(c) : c.json(brandJson(brand), 201);
  });
  app.get('/v1/a2p/BrandRegistrations', (c) => page(c, 'data', [...store.brands.values()].map(brandJson)));
  app.get('/v1/a2p/BrandRegistrations/:sid', (c) => {
    const brand = store.brands.get(c.req.param('sid'));
    if (!brand) return notFound(c);
    store.advance('brand', brand);
    return c.json(brandJson(brand));
  });
  // Twilio's resubmission of a failed brand: a POST with no fields (charged again).
  app.post('/v1/a2p/BrandRegistrations/:sid', (c) => {
    const brand = store.brands.get(c.req.param('sid'));
    if (!brand) return notFound(c);
    if (brand.status !== 'FAILED') return twilioError(c, 400, 21727, 'Only a brand whose registration failed can be resubmitted.');
    store.submit('brand', brand);
    return c.json(brandJson(brand));
  });

  app.post('/v1/Services', async (c) => {
    const friendlyName = (await formOf(c)).one('FriendlyName');
    if (!friendlyName) return twilioError(c, 400, 20001, 'Missing required parameter FriendlyName in the post body');
    const service: Service = { sid: sid('MG'), friendlyName, phoneNumbers: new Map(), dateCreated: new Date().toISOString() };
    store.services.set(service.sid, service);
    return store.loseAnswer('service') ? lost(c) : c.json(serviceJson(service), 201);
  });
  app.get('/v1/Services', (c) => page(c, 'services', [...store.services.values()].map(serviceJson)));

  const campaignFields = async (c: Context) => {
    const form = await formOf(c);
    const fields: Record<string, unknown> = {};
    for (const name of CAMPAIGN_FIELDS) if (form.has(name)) fields[snake(name)] = form.one(name);
    for (const name of CAMPAIGN_LISTS) if (form.has(name)) fields[snake(name)] = form.many(name);
    for (const name of CAMPAIGN_FLAGS) if (form.has(name)) fields[snake(name)] = form.bool(name);
    return { form, fields };
  };
  /** What Twilio itself refuses before any review (lengths and counts); the carriers' vetting comes later. */
  const invalid = (f: Record<string, unknown>) => {
    const samples = (f.message_samples as string[] | undefined) ?? [];
    if (String(f.description ?? '').length < 40 || String(f.message_flow ?? '').length < 40) return 'Description and MessageFlow need at least 40 characters.';
    if (samples.length < 2 || samples.length > 5 || samples.some((s) => s.length < 20 || s.length > 1024)) return 'MessageSamples takes 2 to 5 samples of 20 to 1024 characters.';
    return null;
  };

  app.post('/v1/Services/:mg/Compliance/Usa2p', async (c) => {
    const service = store.services.get(c.req.param('mg'));
    if (!service) return notFound(c);
    const { form, fields } = await campaignFields(c);
    const brand = store.brands.get(form.one('BrandRegistrationSid') ?? '');
    if (brand?.status !== 'APPROVED') return twilioError(c, 400, 21717, 'The Brand Registration SID is not registered or not valid for this use case.');
    if ([...store.campaigns.values()].some((k) => k.messagingServiceSid === service.sid)) return twilioError(c, 409, 21713, 'This Messaging Service already has a campaign.');
    const problem = invalid(fields);
    if (problem) return twilioError(c, 400, 20001, problem);
    const campaign: Campaign = { sid: sid('QE'), messagingServiceSid: service.sid, fields: { brand_registration_sid: brand.sid, ...fields }, dateCreated: new Date().toISOString(), status: '', fetches: 0, errors: [], verdict: null };
    store.campaigns.set(campaign.sid, campaign);
    store.submit('campaign', campaign);
    return store.loseAnswer('campaign') ? lost(c) : c.json(campaignJson(campaign), 201);
  });
  app.get('/v1/Services/:mg/Compliance/Usa2p', (c) => page(c, 'compliance', [...store.campaigns.values()].filter((k) => k.messagingServiceSid === c.req.param('mg')).map(campaignJson)));
  app.get('/v1/Services/:mg/Compliance/Usa2p/:sid', (c) => {
    const campaign = store.campaigns.get(c.req.param('sid'));
    if (campaign?.messagingServiceSid !== c.req.param('mg')) return notFound(c);
    store.advance('campaign', campaign);
    return c.json(campaignJson(campaign));
  });
  // Editing a failed campaign resubmits it for vetting (charged again).
  app.post('/v1/Services/:mg/Compliance/Usa2p/:sid', async (c) => {
    const campaign = store.campaigns.get(c.req.param('sid'));
    if (campaign?.messagingServiceSid !== c.req.param('mg')) return notFound(c);
    if (campaign.status !== 'FAILED') return twilioError(c, 400, 21729, 'Only a campaign that failed vetting can be edited and resubmitted.');
    const { fields } = await campaignFields(c);
    const next = { ...campaign.fields, ...fields };
    const problem = invalid(next);
    if (problem) return twilioError(c, 400, 20001, problem);
    campaign.fields = next;
    store.submit('campaign', campaign);
    return c.json(campaignJson(campaign));
  });

  app.post('/v1/Services/:mg/PhoneNumbers', async (c) => {
    const service = store.services.get(c.req.param('mg'));
    if (!service) return notFound(c);
    const pn = (await formOf(c)).one('PhoneNumberSid') ?? '';
    if (!/^PN[0-9a-f]{32}$/.test(pn)) return twilioError(c, 400, 21421, 'PhoneNumberSid is not a valid phone number SID.');
    if (service.phoneNumbers.has(pn)) return twilioError(c, 409, 21710, 'Phone Number is already in the Messaging Service.');
    const number = store.numbersBySid.get(pn) ?? null;
    service.phoneNumbers.set(pn, number ?? '');
    return c.json({ sid: pn, account_sid: accountSid, service_sid: service.sid, date_created: new Date().toISOString(), date_updated: new Date().toISOString(), phone_number: number, country_code: 'US', capabilities: ['SMS', 'MMS'], url: `https://messaging.twilio.com/v1/Services/${service.sid}/PhoneNumbers/${pn}` }, 201);
  });

  // Every valid number is the sandbox account's own: its PN sid is derived from it. Numbers bought
  // through the sandbox (twilio-numbers.ts) are answered there first; this answers for the rest.
  app.get('/2010-04-01/Accounts/:account/IncomingPhoneNumbers.json', (c) => {
    const number = c.req.query('PhoneNumber');
    const found = number ? [{ sid: phoneNumberSid(number), account_sid: accountSid, phone_number: number, friendly_name: number, capabilities: { sms: true, voice: true, mms: true } }] : [];
    for (const n of found) store.numbersBySid.set(n.sid, n.phone_number);
    const uri = `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json`;
    return c.json({ incoming_phone_numbers: found, end: Math.max(0, found.length - 1), first_page_uri: uri, next_page_uri: null, page: 0, page_size: 50, previous_page_uri: null, start: 0, uri });
  });
  return app;
}
