import { allowedCountriesFor, countryNames, refuseDestination } from '../../domain/phone-destinations.ts';
import { sealSecret } from '../../domain/secrets.ts';
import { IVR_MODES, type IvrMode, type TenantTier } from '../../domain/tenancy.ts';
import { effectiveIvrMode, featureForIvrMode, featureLockedMessage, hasFeature, jokesLockedMessage } from '../../domain/tiers.ts';
import { normalizeWeeklyHours, type WeeklyHours } from '../../domain/weekly-hours.ts';
import { Prisma } from '../../prisma/client.ts';
import type { TenantPhoneConfig } from '../../prisma/generated/client.ts';
import type { AppDeps } from '../context.ts';
import { refreshCallContextOf } from '../twilio/call-context.ts';
import { ApiError } from '../errors.ts';
import type { PhoneSettingsInput } from '../../domain/inputs/phone-settings.ts';

export const SIP_PASSWORD_PURPOSE = 'tenant_phone_config.sip_password';

const DEFAULTS = {
  timeZone: 'America/Chicago',
  jokesEnabled: false,
  missedCallTextBack: true,
} as const;

type StoredMode = TenantPhoneConfig['ivrMode'];
const toApiMode = (mode: StoredMode): IvrMode => (mode === 'ai_voice' ? 'ai-voice' : mode);
const toStoredMode = (mode: IvrMode): StoredMode => (mode === 'ai-voice' ? 'ai_voice' : mode);

/** Plan limits the settings page shows next to the options: null = allowed, else why not. */
function planLocks(tier: TenantTier) {
  const ivrModes = Object.fromEntries(
    IVR_MODES.map((mode) => {
      const feature = featureForIvrMode(mode);
      return [mode, feature && !hasFeature(tier, feature) ? featureLockedMessage(feature) : null];
    }),
  ) as Record<IvrMode, string | null>;
  return { ivrModes, sip: hasFeature(tier, 'sipSoftphone') ? null : featureLockedMessage('sipSoftphone'), jokes: jokesLockedMessage(tier) };
}

export type PhoneSettingsView = ReturnType<typeof toView>;

/** What the API shows: everything but the SIP password, of which only "is one set" is said. */
function toView(tenantId: string, tier: TenantTier, row: TenantPhoneConfig | null, platformCountries: readonly string[]) {
  const ivrMode = row ? toApiMode(row.ivrMode) : tier === 'starter' ? 'simple' : 'ivr';
  return {
    tenantId,
    tier,
    phoneNumber: row?.phoneNumber ?? null,
    ivrMode,
    /** The mode callers get today: a downgrade never leaves them in a menu the plan lacks. */
    effectiveIvrMode: effectiveIvrMode(tier, ivrMode),
    forwardingNumber: row?.forwardingNumber ?? null,
    /** null: no hours set, calls are answered at any time. */
    businessHours: (row?.businessHours as WeeklyHours | null | undefined) ?? null,
    timeZone: row?.timeZone ?? DEFAULTS.timeZone,
    greetingText: row?.greetingText ?? null,
    infoText: row?.infoText ?? null,
    infoSmsText: row?.infoSmsText ?? null,
    afterHoursText: row?.afterHoursText ?? null,
    missedCallText: row?.missedCallText ?? null,
    autoReplyText: row?.autoReplyText ?? null,
    jokesEnabled: row?.jokesEnabled ?? DEFAULTS.jokesEnabled,
    missedCallTextBack: row?.missedCallTextBack ?? DEFAULTS.missedCallTextBack,
    ownerNotifyPhone: row?.ownerNotifyPhone ?? null,
    ownerNotifyEmail: row?.ownerNotifyEmail ?? null,
    /** The tenant's own choice of countries texts and forwarded calls may go to; null = the platform's. */
    allowedCountries: row?.allowedCountries.length ? row.allowedCountries : null,
    /** What the platform allows (SMS_ALLOWED_COUNTRIES): the choices the settings page offers. */
    platformAllowedCountries: [...platformCountries],
    sipDomain: row?.sipDomain ?? null,
    sipUsername: row?.sipUsername ?? null,
    sipPasswordSet: Boolean(row?.sipPasswordEncrypted),
    planLocks: planLocks(tier),
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The audit entry's copy: the settings without the plan hints (they follow from the tier). */
const auditCopy = ({ planLocks: _locks, ...view }: PhoneSettingsView) => view;

function refuseLockedFeatures(tier: TenantTier, input: PhoneSettingsInput) {
  const feature = input.ivrMode ? featureForIvrMode(input.ivrMode) : null;
  if (feature && !hasFeature(tier, feature)) {
    const message = featureLockedMessage(feature);
    throw new ApiError(403, 'plan_required', message, { ivrMode: message });
  }
  // Turning jokes on needs the menu they play in; turning them off is always allowed.
  const jokesLocked = input.jokesEnabled === true ? jokesLockedMessage(tier) : null;
  if (jokesLocked) throw new ApiError(403, 'plan_required', jokesLocked, { jokesEnabled: jokesLocked });
  // Setting SIP credentials needs the softphone feature; clearing them is always allowed.
  const sipFields = (['sipDomain', 'sipUsername', 'sipPassword'] as const).filter((field) => input[field]);
  if (sipFields.length > 0 && !hasFeature(tier, 'sipSoftphone')) {
    const message = featureLockedMessage('sipSoftphone');
    throw new ApiError(403, 'plan_required', message, Object.fromEntries(sipFields.map((field) => [field, message])));
  }
}

const NUMBER_LABELS = { forwardingNumber: 'Forwarding number', ownerNotifyPhone: 'Your mobile number' } as const;

/**
 * The numbers calls are forwarded to and alerts texted to must not cost the business money (premium
 * rates, satellites, far-away countries: toll fraud) or loop back into its own number. Checked
 * against the settings as they will be, so narrowing the countries cannot strand a saved number.
 */
function refuseUnsafeNumbers(input: PhoneSettingsInput, row: TenantPhoneConfig, platformCountries: readonly string[]) {
  const fields: Record<string, string> = {};
  if (input.allowedCountries) {
    const outside = input.allowedCountries.filter((code) => !platformCountries.includes(code));
    if (outside.length > 0) fields.allowedCountries = `ServicePro texts and calls only numbers in ${countryNames(platformCountries)}: choose among ${platformCountries.join(', ')}.`;
  }
  const tenantCountries = input.allowedCountries === undefined ? row.allowedCountries : (input.allowedCountries ?? []);
  const allowed = allowedCountriesFor(platformCountries, tenantCountries);
  for (const field of ['forwardingNumber', 'ownerNotifyPhone'] as const) {
    if (input[field] === undefined && input.allowedCountries === undefined) continue;
    const number = input[field] === undefined ? row[field] : input[field];
    if (!number) continue;
    const label = NUMBER_LABELS[field];
    if (number === row.phoneNumber) {
      fields[field] = `${label} is this business's own number: ${field === 'forwardingNumber' ? 'calls would ring straight back into it. Enter the phone that should ring.' : 'alerts would text the business itself. Enter your own mobile number.'}`;
      continue;
    }
    const refusal = refuseDestination(number, allowed);
    if (refusal) fields[field] = `${label} ${refusal.reason}. Enter another number.`;
  }
  if (Object.keys(fields).length > 0) throw new ApiError(400, 'validation_failed', `Please check: ${Object.keys(fields).join(', ')}`, fields);
}

/** The column values for the fields the request names; absent fields stay as they are. */
function changesFrom(input: PhoneSettingsInput, masterKey: Buffer): Prisma.TenantPhoneConfigUpdateInput {
  const { ivrMode, businessHours, sipPassword, allowedCountries, ...plain } = input;
  const data: Prisma.TenantPhoneConfigUpdateInput = { ...plain };
  // Stored as the tenant's own list; empty means "whatever the platform allows".
  if (allowedCountries !== undefined) data.allowedCountries = allowedCountries ? [...new Set(allowedCountries)] : [];
  if (ivrMode) data.ivrMode = toStoredMode(ivrMode);
  if (businessHours !== undefined) {
    const hours = businessHours && normalizeWeeklyHours(businessHours);
    // No open period on any day is stored as "no hours" (answer at any time), as business-hours.ts reads it.
    data.businessHours = hours && Object.keys(hours).length > 0 ? hours : Prisma.DbNull;
  }
  if (sipPassword !== undefined) data.sipPasswordEncrypted = sipPassword === null ? null : sealSecret(masterKey, sipPassword, SIP_PASSWORD_PURPOSE);
  return data;
}

/** A tenant's phone settings: read by its members, changed by its owner (or the platform owner). */
export function phoneSettings(deps: Pick<AppDeps, 'db' | 'masterKey' | 'config'>) {
  const { db, masterKey } = deps;
  const platformCountries = deps.config.SMS_ALLOWED_COUNTRIES;

  async function load(tenantId: string) {
    const tenant = await db.tenant.findUnique({ where: { id: tenantId }, include: { config: true, phoneConfig: true } });
    if (!tenant?.config) throw new ApiError(404, 'not_found', `There is no business “${tenantId}”.`);
    return { tenant, tier: tenant.config.tier, row: tenant.phoneConfig };
  }

  return {
    async get(tenantId: string): Promise<PhoneSettingsView> {
      const { tier, row } = await load(tenantId);
      return toView(tenantId, tier, row, platformCountries);
    },

    async update(tenantId: string, input: PhoneSettingsInput, actorUserId: string): Promise<PhoneSettingsView> {
      const { tenant, tier, row } = await load(tenantId);
      if (tenant.closedAt) throw new ApiError(409, 'tenant_closed', 'This business is closed; its settings can no longer be changed.');
      if (!row) {
        throw new ApiError(409, 'phone_number_required', 'This business has no phone number yet. The platform owner must assign a number first; then these settings can be saved.');
      }
      refuseLockedFeatures(tier, input);
      refuseUnsafeNumbers(input, row, platformCountries);
      const before = toView(tenantId, tier, row, platformCountries);
      const saved = await db.$transaction(async (tx) => {
        const updated = await tx.tenantPhoneConfig.update({ where: { tenantId }, data: changesFrom(input, masterKey) });
        const after = toView(tenantId, tier, updated, platformCountries);
        await tx.auditLog.create({ data: { actorUserId, tenantId, action: 'phone_settings.updated', before: auditCopy(before), after: auditCopy(after) } });
        return after;
      });
      // Callers during a later database outage hear the settings just saved, not the old ones.
      await refreshCallContextOf(db, tenantId, deps.config.PUBLIC_BASE_URL).catch(() => undefined);
      return saved;
    },
  };
}
