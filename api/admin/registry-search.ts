import { Prisma, type PrismaClient } from '../../prisma/client.ts';
import { defaultDirection, REGISTRY_PAGE_SIZE, type RegistryQuery, type RegistrySort } from '../../domain/inputs/registry-query.ts';
import { monthlyRecurringCents, type PlanPrices } from '../../domain/plan-prices.ts';
import { toE164 } from '../../domain/phone.ts';
import type { RegistrationState } from '../../domain/carrier-registration/states.ts';
import { ROOT_TENANT_ID, TENANT_STATUSES, type IvrMode, type TenantStatus, type TenantTier } from '../../domain/tenancy.ts';
import type { RegistryEntryRow } from './tenant-view.ts';

// The registry's search, filters, sort and page in one SQL query over the platform tables
// (tenants, tenant_config, tenant_billing, tenant_phone_config; owners through memberships), and
// its summary row. Plain SQL: the sort needs root pinned first and NULLS LAST, which Prisma's
// query API cannot say, and one query with its joins costs a fraction of Prisma's per-relation reads. The benchmark (bench/registry-search.ts) times exactly these queries.

const DAY_MS = 86_400_000;

const FROM = Prisma.sql`
  FROM tenants t
  JOIN tenant_config c ON c.tenant_id = t.id
  LEFT JOIN tenant_billing b ON b.tenant_id = t.id
  LEFT JOIN tenant_phone_config p ON p.tenant_id = t.id
  LEFT JOIN carrier_registrations r ON r.tenant_id = t.id`;

const SORT_KEYS: Record<RegistrySort, Prisma.Sql> = {
  name: Prisma.sql`lower(c.business_name)`,
  created: Prisma.sql`t.created_at`,
  // Only a trial that is running has an end worth sorting by.
  trialEnd: Prisma.sql`CASE WHEN c.status = 'trialing' THEN b.trial_ends_at END`,
  // The enum's own order: onboarding, trialing, active, past due, suspended, closed, failed, expired.
  status: Prisma.sql`c.status`,
};

/** `%` and `_` typed into the search are searched for as themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The "who" of a search: the words typed and the plan. The summary counts over just these. */
function whoMatches(query: RegistryQuery): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (query.tier) where.push(Prisma.sql`c.tier = ${query.tier}::tenant_tier`);
  const q = query.q?.trim();
  if (q) {
    const like = likePattern(q);
    const anyOf = [
      Prisma.sql`c.business_name ILIKE ${like}`,
      Prisma.sql`t.id ILIKE ${like}`,
      Prisma.sql`t.slug ILIKE ${like}`,
      Prisma.sql`EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = t.id AND m.role = 'owner' AND u.email ILIKE ${like})`,
    ];
    // A phone number in any format: the whole number (libphonenumber reads it), or a run of its digits.
    const e164 = toE164(q);
    if (e164) anyOf.push(Prisma.sql`p.phone_number = ${e164}`);
    const digits = q.replace(/\D/g, '');
    if (/^[\d\s().+-]+$/.test(q) && digits.length >= 4) anyOf.push(Prisma.sql`p.phone_number LIKE ${`%${digits}%`}`);
    where.push(Prisma.sql`(${Prisma.join(anyOf, ' OR ')})`);
  }
  return where;
}

/** The list's narrowing on top of "who": status, trial ending, past due, closed ones. */
function listMatches(query: RegistryQuery, now: Date): Prisma.Sql[] {
  const where = whoMatches(query);
  if (query.status) where.push(Prisma.sql`c.status = ${query.status}::tenant_status`);
  // An abandoned signup (expired) is as gone as a closed business: shown when asked for.
  else if (!query.includeClosed) where.push(Prisma.sql`t.closed_at IS NULL AND c.status <> 'expired'`);
  if (query.pastDue) where.push(Prisma.sql`c.status = 'past_due'`);
  // No row: a business older than registration, texting as before (not_started).
  if (query.texting) where.push(Prisma.sql`COALESCE(r.state, 'not_started') = ${query.texting}::carrier_registration_state`);
  if (query.trialEndingDays !== undefined) {
    const until = new Date(now.getTime() + query.trialEndingDays * DAY_MS);
    where.push(Prisma.sql`c.status = 'trialing' AND b.trial_ends_at >= ${now} AND b.trial_ends_at <= ${until}`);
  }
  return where;
}

const whereClause = (where: Prisma.Sql[]) => (where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty);

interface SearchRow {
  id: string;
  slug: string;
  created_at: Date;
  closed_at: Date | null;
  purged_at: Date | null;
  business_name: string;
  industry: string | null;
  tier: TenantTier;
  status: TenantStatus;
  primary_color: string;
  logo_url: string | null;
  phone_number: string | null;
  ivr_mode: IvrMode | null;
  has_billing: boolean;
  trial_ends_at: Date | null;
  current_period_end: Date | null;
  has_payment_method: boolean | null;
  registration_state: RegistrationState | null;
  total: number;
}

/** A row of the search as the registry entry is made from it (tenant-view.ts). */
const toEntry = (row: SearchRow): RegistryEntryRow => ({
  id: row.id,
  slug: row.slug,
  createdAt: row.created_at,
  closedAt: row.closed_at,
  purgedAt: row.purged_at,
  config: { businessName: row.business_name, industry: row.industry, tier: row.tier, status: row.status, primaryColor: row.primary_color, logoUrl: row.logo_url },
  phoneConfig: row.phone_number ? { phoneNumber: row.phone_number, ivrMode: row.ivr_mode === 'ai-voice' ? 'ai_voice' : (row.ivr_mode ?? 'simple') } : null,
  billing: row.has_billing ? { trialEndsAt: row.trial_ends_at, currentPeriodEnd: row.current_period_end, hasPaymentMethod: row.has_payment_method ?? false } : null,
  carrierRegistration: row.registration_state ? { state: row.registration_state } : null,
});

/**
 * One page of matches, in order (root first when it matches), and how many match in all — one
 * query that reads the rows too, so a page costs one round trip (a count only when past the end).
 */
export async function searchRegistry(db: PrismaClient, query: RegistryQuery, now = new Date()) {
  const sort = query.sort ?? 'created';
  const dir = Prisma.raw((query.dir ?? defaultDirection(sort)) === 'asc' ? 'ASC' : 'DESC');
  const limit = query.limit ?? REGISTRY_PAGE_SIZE;
  const offset = query.offset ?? 0;
  const where = whereClause(listMatches(query, now));
  const rows = await db.$queryRaw<SearchRow[]>`
    SELECT t.id, t.slug, t.created_at, t.closed_at, t.purged_at,
           c.business_name, c.industry, c.tier::text AS tier, c.status::text AS status, c.primary_color, c.logo_url,
           p.phone_number, p.ivr_mode::text AS ivr_mode,
           (b.tenant_id IS NOT NULL) AS has_billing, b.trial_ends_at, b.current_period_end, b.has_payment_method,
           r.state::text AS registration_state,
           count(*) OVER ()::int AS total
    ${FROM} ${where}
    ORDER BY (t.id = ${ROOT_TENANT_ID}) DESC, ${SORT_KEYS[sort]} ${dir} NULLS LAST, t.id ASC
    LIMIT ${limit} OFFSET ${offset}`;
  const total = rows[0]?.total ?? (offset > 0 ? ((await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${FROM} ${where}`)[0]?.total ?? 0) : 0);
  return { entries: rows.map(toEntry), page: { total, offset, limit } };
}

export interface RegistrySummary {
  byStatus: Record<TenantStatus, number>;
  /** Monthly recurring revenue: the plan price of every active tenant but root. */
  mrrCents: number;
  payingTenants: number;
  trialsEndingThisWeek: number;
  pastDue: number;
}

/** The summary row over the tenants the search's words and plan match, whatever their status. */
export async function summariseRegistry(db: PrismaClient, query: RegistryQuery, prices: PlanPrices, now = new Date()): Promise<RegistrySummary> {
  const weekFromNow = new Date(now.getTime() + 7 * DAY_MS);
  const groups = await db.$queryRaw<{ status: TenantStatus; tier: TenantTier; is_root: boolean; n: number; trials_ending: number }[]>`
    SELECT c.status::text AS status, c.tier::text AS tier, (t.id = ${ROOT_TENANT_ID}) AS is_root, count(*)::int AS n,
           count(*) FILTER (WHERE c.status = 'trialing' AND b.trial_ends_at >= ${now} AND b.trial_ends_at <= ${weekFromNow})::int AS trials_ending
    ${FROM} ${whereClause(whoMatches(query))}
    GROUP BY 1, 2, 3`;
  const byStatus = Object.fromEntries(TENANT_STATUSES.map((status) => [status, 0])) as Record<TenantStatus, number>;
  const paying: Partial<Record<TenantTier, number>> = {};
  let trialsEndingThisWeek = 0;
  for (const group of groups) {
    byStatus[group.status] += group.n;
    trialsEndingThisWeek += group.trials_ending;
    if (group.status === 'active' && !group.is_root) paying[group.tier] = (paying[group.tier] ?? 0) + group.n;
  }
  return {
    byStatus,
    mrrCents: monthlyRecurringCents(paying, prices),
    payingTenants: Object.values(paying).reduce((sum, n) => sum + n, 0),
    trialsEndingThisWeek,
    pastDue: byStatus.past_due,
  };
}
