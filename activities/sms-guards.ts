import { allowedCountriesFor, refuseDestination } from '../domain/phone-destinations.ts';
import { SMS_KINDS, isAutomaticText } from '../domain/sms-kinds.ts';
import type { Config } from '../domain/config.ts';
import type { MessageModel as Message } from '../prisma/client.ts';
import type { TenantDb } from '../prisma/tenant-db.ts';

// The checks sendSms makes before a text may cost anyone money: where it goes, and how many
// automatic texts that number already got. Each answer is a sentence for the row's `error`.


/**
 * Why this text must not go to `to`, or null. A number the phone metadata does not know but whose
 * country is allowed is left to Twilio, which refuses what it cannot reach (and says so).
 */
export function destinationRefusal(to: string, sender: { phoneNumber: string; allowedCountries: string[] }, config: Pick<Config, 'SMS_ALLOWED_COUNTRIES'>): string | null {
  if (to === sender.phoneNumber) return "Not sent: this number is this business's own number (the text would come straight back).";
  const refusal = refuseDestination(to, allowedCountriesFor(config.SMS_ALLOWED_COUNTRIES, sender.allowedCountries));
  return refusal && refusal.code !== 'invalid' ? `Not sent: this number ${refusal.reason}.` : null;
}

const AUTOMATIC_KINDS = SMS_KINDS.filter(isAutomaticText);
const HOUR = 60 * 60 * 1000;

/**
 * Why this automatic text is over its number's budget, or null. Counted from the outbox: the
 * texts of the automatic kinds to the same number that went, or will go (queued, held), and were
 * written before this one — so two texts racing each other are judged in their order, never both
 * refused for each other. No counter in memory: every worker sees the same rows.
 */
export async function automaticTextLimit(tenantDb: TenantDb, row: Message, config: Pick<Config, 'SMS_AUTO_TEXTS_PER_NUMBER_HOUR' | 'SMS_AUTO_TEXTS_PER_NUMBER_DAY'>): Promise<string | null> {
  const earlierThanThis = { OR: [{ createdAt: { lt: row.createdAt } }, { createdAt: row.createdAt, id: { lt: row.id } }] };
  const since = (ms: number) =>
    tenantDb.message.count({
      where: {
        direction: 'outbound',
        toNumber: row.toNumber,
        kind: { in: AUTOMATIC_KINDS },
        status: { in: ['sent', 'queued', 'blocked_quiet_hours'] },
        AND: [{ createdAt: { gte: new Date(row.createdAt.getTime() - ms) } }, earlierThanThis],
      },
    });
  const budgets = [
    { ms: HOUR, limit: config.SMS_AUTO_TEXTS_PER_NUMBER_HOUR, window: 'the last hour' },
    { ms: 24 * HOUR, limit: config.SMS_AUTO_TEXTS_PER_NUMBER_DAY, window: 'the last 24 hours' },
  ];
  for (const { ms, limit, window } of budgets) {
    const count = await since(ms);
    if (count >= limit) return `Not sent: this number already got ${count} automatic texts from this business in ${window} (a guard against SMS pumping).`;
  }
  return null;
}
