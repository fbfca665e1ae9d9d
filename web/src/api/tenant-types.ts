// Shapes of the tenant API (/api/tenants/:tenantId/...) as the tenant app uses them.
import type { MessageStatus } from '../../../domain/message-statuses.ts';
import type { WeeklyHours } from '../../../domain/weekly-hours.ts';
import type { IvrMode, Role, TenantStatus, Tier } from './types.ts';

export type { MessageStatus };

export interface TenantSummary {
  id: string;
  businessName: string;
  tier: Tier;
  status: TenantStatus;
  industry: string | null;
  primaryColor: string;
  logoUrl: string | null;
  phoneNumber: string | null;
  closedAt: string | null;
  role: Role | null;
  /** Owners and the platform owner may change settings and place test calls. */
  canManage: boolean;
}

export interface PhoneSettings {
  tenantId: string;
  tier: Tier;
  phoneNumber: string | null;
  ivrMode: IvrMode;
  effectiveIvrMode: IvrMode;
  forwardingNumber: string | null;
  /** null: no hours set, calls are answered at any time. */
  businessHours: WeeklyHours | null;
  timeZone: string;
  greetingText: string | null;
  infoText: string | null;
  infoSmsText: string | null;
  afterHoursText: string | null;
  missedCallText: string | null;
  autoReplyText: string | null;
  jokesEnabled: boolean;
  missedCallTextBack: boolean;
  ownerNotifyPhone: string | null;
  ownerNotifyEmail: string | null;
  /** Countries texts and forwarded calls may go to; null = every country the platform allows. */
  allowedCountries: string[] | null;
  /** What the platform allows (the choices). */
  platformAllowedCountries: string[];
  sipDomain: string | null;
  sipUsername: string | null;
  sipPasswordSet: boolean;
  /** Why an option is not in the plan (null = available). */
  /** Why a setting is not in the plan (null = allowed), in words for the owner. */
  planLocks: { ivrModes: Record<IvrMode, string | null>; sip: string | null; jokes: string | null };
  updatedAt: string | null;
}

/** PATCH body: only the fields that change; null clears. */
export type PhoneSettingsChanges = Partial<
  Omit<PhoneSettings, 'tenantId' | 'tier' | 'phoneNumber' | 'effectiveIvrMode' | 'sipPasswordSet' | 'planLocks' | 'updatedAt'> & { sipPassword: string | null }
>;

export type CallOutcome = 'answered' | 'voicemail' | 'missed' | 'abandoned';

export interface CallEntry {
  id: string;
  callSid: string;
  from: string;
  to: string;
  callerName: string | null;
  startedAt: string;
  endedAt: string | null;
  durationSec: number;
  digits: string[];
  outcome: CallOutcome;
}

export interface VoicemailEntry {
  id: string;
  callSid: string;
  from: string;
  callerName: string | null;
  recordingUrl: string;
  durationSec: number;
  listened: boolean;
  createdAt: string;
}

export interface MessageEntry {
  id: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  counterpart: string;
  customerName: string | null;
  body: string;
  status: MessageStatus;
  /** Held by quiet hours: when it goes out. */
  heldUntil: string | null;
  /** The business's time zone (from the list), so "Held until 8:00 AM" is on its clock. */
  timeZone: string;
  segments: number;
  error: string | null;
  createdAt: string;
}

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

// The simulator's own result, as the API returns it (a type-only import: nothing of scripts/ is bundled).
export type { SimulatedCall, SimulatedStep, TranscriptLine } from '../../../scripts/call-simulator.ts';
