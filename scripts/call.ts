// `npm run call -- --to +19185550100 --from +19185550199 --digits 1`: walks a tenant's phone
// menu against a running ServicePro (npm start) with signed webhooks, and prints what was said.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../domain/config.ts';
import { parseKeypresses } from '../domain/keypresses.ts';
import { toE164 } from '../domain/phone.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { simulateCall } from '../api/sandbox/call-simulator.ts';
import { recordedServerAddress } from './server-address.ts';
import { formatTranscript } from './call-transcript.ts';

const HELP = `Usage: npm run call -- [options]

  --to NUMBER           the business number to call (default: ROOT_PHONE_NUMBER, +19185550100);
                        numbers may be written as people do: "(918) 555-0100" is a US number
  --from NUMBER         the caller's number (default: +19185550199)
  --digits KEYS         keys to press, one per menu: 1, "9,3" or 93 (repeatable)
  --answer              the person a forwarded call rings picks up and accepts it (presses 1)
  --hang-up             after the last key the caller hangs up (default: stays silent, as Twilio's no-input)
  --recording-seconds N length of a voicemail left (default 8)
  --base-url URL        where ServicePro runs (default: PUBLIC_BASE_URL, else the address the
                        npm start running from SERVICEPRO_DATA_DIR recorded, else http://localhost:$PORT)
  --auth-token TOKEN    Twilio auth token to sign with (default: TWILIO_AUTH_TOKEN, or the local sandbox's)
  --call-sid SID        reuse a CallSid (e.g. to see a retried webhook handled once)
  --twiml               also print each request and the TwiML it returned
  --json                print the whole transcript as JSON
`;

const { values } = parseArgs({
  options: {
    to: { type: 'string' },
    from: { type: 'string', default: '+19185550199' },
    digits: { type: 'string', multiple: true, default: [] },
    answer: { type: 'boolean', default: false },
    'hang-up': { type: 'boolean', default: false },
    'recording-seconds': { type: 'string' },
    'base-url': { type: 'string' },
    'auth-token': { type: 'string' },
    'call-sid': { type: 'string' },
    twiml: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

/** The key `npm start` made for the embedded stack; the sandbox's auth token derives from it. */
function masterKey(dataDir: string): Buffer | null {
  if (process.env.SERVICEPRO_ENCRYPTION_KEY) return Buffer.from(process.env.SERVICEPRO_ENCRYPTION_KEY, 'base64');
  const file = path.join(dataDir, 'dev-secrets.json');
  if (!existsSync(file)) return null;
  return Buffer.from((JSON.parse(readFileSync(file, 'utf8')) as { encryptionKey: string }).encryptionKey, 'base64');
}

/** A number from the command line in E.164, as Twilio sends it; exits when it is not one. */
function phoneNumber(flag: string, value: string): string {
  const number = toE164(value);
  if (number) return number;
  console.error(`--${flag} ${JSON.stringify(value)} is not a phone number: write it as +19185550100 or (918) 555-0100.`);
  process.exit(2);
}

const config = parseConfig(process.env);
const dataDir = path.resolve(config.SERVICEPRO_DATA_DIR);
const key = masterKey(dataDir);
const sandbox = key ? twilioCredentials(config, key) : null;
const authToken = values['auth-token'] ?? process.env.TWILIO_AUTH_TOKEN ?? sandbox?.authToken;
if (!authToken) {
  console.error('No auth token to sign with: run `npm start` first (it creates .servicepro/dev-secrets.json), or pass --auth-token / set TWILIO_AUTH_TOKEN.');
  process.exit(2);
}

const call = await simulateCall({
  // Signatures must be made for the URL the server checks them against: its PUBLIC_BASE_URL.
  baseUrl: values['base-url'] || process.env.PUBLIC_BASE_URL || recordedServerAddress(dataDir) || config.PUBLIC_BASE_URL,
  authToken,
  accountSid: process.env.TWILIO_ACCOUNT_SID ?? sandbox?.accountSid,
  to: values.to ? phoneNumber('to', values.to) : config.ROOT_PHONE_NUMBER,
  from: phoneNumber('from', values.from),
  digits: values.digits.flatMap(parseKeypresses),
  answerScreening: values.answer,
  hangUpWhenDone: values['hang-up'],
  callSid: values['call-sid'],
  recordingDurationSec: values['recording-seconds'] ? Number(values['recording-seconds']) : undefined,
});

console.log(values.json ? JSON.stringify(call, null, 2) : formatTranscript(call, { twiml: values.twiml }));
process.exit(call.error ? 1 : 0);
