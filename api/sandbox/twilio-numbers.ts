import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { isE164, phoneLabel } from '../../domain/phone.ts';

// The Twilio sandbox's phone numbers: AvailablePhoneNumbers (Local, by area code) and
// IncomingPhoneNumbers (buy with voice and SMS webhooks, list by number, update, release), as the
// official SDK calls them. Every US area code offers the fictional 555-01XX range, less what is
// owned. Counters let tests assert that nothing was bought twice and nothing was left behind.

export interface SandboxNumber {
  sid: string;
  phoneNumber: string;
  /** What the buyer named it (we name it by the tenant id). */
  friendlyName: string;
  voiceUrl: string | null;
  smsUrl: string | null;
  statusCallback: string | null;
  dateCreated: string;
}

const AREA_CODE = /^[2-9]\d{2}$/;
const NUMBER_SID = /^PN[0-9a-f]{32}$/;
/** Twilio's "phone number is not available" (someone else bought it first). */
const NOT_AVAILABLE = 21422;

const error = (c: Context, status: 400 | 404 | 500, code: number, message: string) => c.json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, status);

export function createSandboxNumbers(accountSid: string) {
  const owned = new Map<string, SandboxNumber>();
  const released: SandboxNumber[] = [];
  let bought = 0;
  let buyFailures = 0;

  const toJson = (n: SandboxNumber) => ({
    sid: n.sid,
    account_sid: accountSid,
    phone_number: n.phoneNumber,
    friendly_name: n.friendlyName,
    voice_url: n.voiceUrl,
    voice_method: 'POST',
    sms_url: n.smsUrl,
    sms_method: 'POST',
    status_callback: n.statusCallback,
    status_callback_method: 'POST',
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    date_created: new Date(n.dateCreated).toUTCString(),
    date_updated: new Date(n.dateCreated).toUTCString(),
    uri: `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers/${n.sid}.json`,
  });
  const page = (key: string, items: unknown[], path: string) => ({ [key]: items, end: items.length - 1, first_page_uri: path, next_page_uri: null, page: 0, page_size: 50, previous_page_uri: null, start: 0, uri: path });

  /** Numbers another Twilio customer holds: never offered, never sold. */
  const takenElsewhere = new Set<string>();
  const unavailable = (n: string) => owned.has(n) || takenElsewhere.has(n);
  const candidates = (areaCode: string) => Array.from({ length: 100 }, (_, i) => `+1${areaCode}55501${String(i).padStart(2, '0')}`).filter((n) => isE164(n) && !unavailable(n));

  const app = new Hono()
    .get('/2010-04-01/Accounts/:sid/AvailablePhoneNumbers/:country/Local.json', (c) => {
      const areaCode = c.req.query('AreaCode') ?? '';
      const path = `/2010-04-01/Accounts/${accountSid}/AvailablePhoneNumbers/US/Local.json`;
      if (c.req.param('country') !== 'US' || !AREA_CODE.test(areaCode)) return c.json(page('available_phone_numbers', [], path));
      const size = Math.min(Number(c.req.query('PageSize') ?? 20) || 20, 50);
      const numbers = candidates(areaCode).slice(0, size).map((phoneNumber) => ({ friendly_name: phoneLabel(phoneNumber), phone_number: phoneNumber, locality: 'Sandbox', region: 'US', iso_country: 'US', postal_code: null, capabilities: { voice: true, SMS: true, MMS: true, fax: false }, beta: false }));
      return c.json(page('available_phone_numbers', numbers, path));
    })
    .get('/2010-04-01/Accounts/:sid/IncomingPhoneNumbers.json', (c) => {
      const wanted = c.req.query('PhoneNumber');
      const list = [...owned.values()].filter((n) => !wanted || n.phoneNumber === wanted).map(toJson);
      return c.json(page('incoming_phone_numbers', list, `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json`));
    })
    .post('/2010-04-01/Accounts/:sid/IncomingPhoneNumbers.json', async (c) => {
      const form = await c.req.parseBody();
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : null);
      if (buyFailures > 0) {
        buyFailures -= 1;
        return error(c, 500, 20500, 'Internal Server Error');
      }
      const areaCode = field('AreaCode');
      const phoneNumber = field('PhoneNumber') ?? (areaCode ? (candidates(areaCode)[0] ?? null) : null);
      if (!phoneNumber || !isE164(phoneNumber)) return error(c, 400, 21421, 'PhoneNumber or AreaCode is required and must be valid.');
      if (unavailable(phoneNumber) || !/^\+1\d{3}55501\d{2}$/.test(phoneNumber)) return error(c, 400, NOT_AVAILABLE, `The phone number ${phoneNumber} is not available.`);
      const number: SandboxNumber = { sid: `PN${randomBytes(16).toString('hex')}`, phoneNumber, friendlyName: field('FriendlyName') ?? phoneLabel(phoneNumber), voiceUrl: field('VoiceUrl'), smsUrl: field('SmsUrl'), statusCallback: field('StatusCallback'), dateCreated: new Date().toISOString() };
      owned.set(phoneNumber, number);
      bought += 1;
      return c.json(toJson(number), 201);
    })
    .post('/2010-04-01/Accounts/:sid/IncomingPhoneNumbers/:file{PN[0-9a-f]{32}\\.json}', async (c) => {
      const sid = c.req.param('file').replace(/\.json$/, '');
      const number = [...owned.values()].find((n) => n.sid === sid);
      if (!number) return error(c, 404, 20404, 'The requested resource was not found');
      const form = await c.req.parseBody();
      for (const [name, key] of [['VoiceUrl', 'voiceUrl'], ['SmsUrl', 'smsUrl'], ['StatusCallback', 'statusCallback']] as const) if (typeof form[name] === 'string') number[key] = form[name] as string;
      return c.json(toJson(number));
    })
    .delete('/2010-04-01/Accounts/:sid/IncomingPhoneNumbers/:file{PN[0-9a-f]{32}\\.json}', (c) => {
      const sid = c.req.param('file').replace(/\.json$/, '');
      const number = NUMBER_SID.test(sid) ? [...owned.values()].find((n) => n.sid === sid) : undefined;
      if (!number) return error(c, 404, 20404, 'The requested resource was not found');
      owned.delete(number.phoneNumber);
      released.push(number);
      return c.body(null, 204);
    });

  return {
    app,
    /** Numbers the account holds now. */
    ownedNumbers: (): readonly SandboxNumber[] => [...owned.values()],
    /** Numbers released so far, oldest first. */
    releasedNumbers: (): readonly SandboxNumber[] => [...released],
    /** How many numbers were bought (released ones included). */
    numbersBought: () => bought,
    /** The next `count` purchases fail with a 500, as in a Twilio outage. */
    failNextPurchases(count: number) {
      buyFailures = count;
    },
    /** Someone else bought it: buying it now is refused (21422). */
    takeNumber(phoneNumber: string) {
      takenElsewhere.add(phoneNumber);
    },
    reset() {
      owned.clear();
      takenElsewhere.clear();
      released.length = 0;
      bought = 0;
      buyFailures = 0;
    },
  };
}
