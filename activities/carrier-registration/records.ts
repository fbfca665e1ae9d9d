import { ApplicationFailure } from '@temporalio/common';
import { generateCampaign, registrationPages, type Campaign, type Refusal, type RegistrationState, type RegistrationStep } from '../../domain/carrier-registration/index.ts';
import { industryPack } from '../../domain/industry-packs/index.ts';
import { phoneLabel } from '../../domain/phone.ts';
import type { Config } from '../../domain/config.ts';
import type { CarrierRegistrationModel, PrismaClient } from '../../prisma/client.ts';

// The carrier_registrations row each step reads and writes. Every Twilio SID is written here the
// moment Twilio answers, before the step moves on, so a retried step finds it and never submits twice.

export type RegistrationRow = CarrierRegistrationModel;

/** What each step tells the workflow: where the registration stands after it. */
export interface RegistrationStatus {
  state: RegistrationState;
  failedStep: RegistrationStep | null;
  submissions: number;
}

/** A step's answer: done (or approved), still in review, or refused (the row says why). */
export type StepOutcome = RegistrationStatus & { outcome: 'done' | 'waiting' | 'refused' };

export const statusOf = (row: RegistrationRow): RegistrationStatus => ({ state: row.state, failedStep: (row.failedStep as RegistrationStep | null) ?? null, submissions: row.submissions });
export const outcome = (row: RegistrationRow, result: StepOutcome['outcome']): StepOutcome => ({ ...statusOf(row), outcome: result });

/** The name the business's Trust Hub bundles and Messaging Service carry at Twilio: how a lost answer is found again. */
export const twilioNameOf = (tenantId: string) => `servicepro:${tenantId}`;

export function registrationRecords(db: PrismaClient, config: Pick<Config, 'PUBLIC_BASE_URL'>) {
  async function row(tenantId: string): Promise<RegistrationRow> {
    const found = await db.carrierRegistration.findUnique({ where: { tenantId } });
    if (!found) throw ApplicationFailure.nonRetryable(`“${tenantId}” has not asked to register for texting.`, 'NoRegistration');
    return found;
  }

  /** What the campaign and the page checks are made from: the business, its number and its pages. */
  async function facts(tenantId: string) {
    const tenant = await db.tenant.findUnique({ where: { id: tenantId }, include: { config: true, phoneConfig: true } });
    if (!tenant?.config) throw ApplicationFailure.nonRetryable(`There is no business “${tenantId}”.`, 'NoSuchTenant');
    const pages = registrationPages(config.PUBLIC_BASE_URL, tenant.slug);
    const phoneNumber = tenant.phoneConfig?.phoneNumber ?? null;
    return { tenantId, slug: tenant.slug, businessName: tenant.config.businessName, industry: tenant.config.industry, phoneNumber, pages };
  }

  return {
    row,
    facts,
    /** The campaign generated from the business's data and its trade's pack. */
    async generatedCampaign(tenantId: string): Promise<Campaign> {
      const f = await facts(tenantId);
      return generateCampaign({ businessName: f.businessName, phoneLabel: f.phoneNumber ? phoneLabel(f.phoneNumber) : 'this number', pages: f.pages, pack: industryPack(f.industry) });
    },
    async update(tenantId: string, data: Parameters<PrismaClient['carrierRegistration']['update']>[0]['data']): Promise<RegistrationRow> {
      return db.carrierRegistration.update({ where: { tenantId }, data });
    },
    /** A refusal: the owner is asked to fix it; Twilio's codes are kept as received. */
    async refuse(tenantId: string, step: RegistrationStep, refusals: Refusal[]): Promise<RegistrationRow> {
      return db.carrierRegistration.update({ where: { tenantId }, data: { state: 'action_needed', failedStep: step, errors: refusals as object[] } });
    },
    /** A status check made: counted, and the state the review is in (unless the owner must act). */
    async checked(tenantId: string, reviewState: RegistrationState): Promise<RegistrationRow> {
      return db.carrierRegistration.update({ where: { tenantId }, data: { checks: { increment: 1 }, lastCheckedAt: new Date(), state: reviewState, failedStep: null } });
    },
  };
}

export type RegistrationRecords = ReturnType<typeof registrationRecords>;

/** Twilio's errors of a refused review, whatever shape the resource gives them. */
export function refusalsFrom(step: RegistrationStep, errors: unknown, fallback: string | null | undefined): Refusal[] {
  const list = Array.isArray(errors) ? errors : [];
  const refusals = list.map((e) => {
    const item = (e ?? {}) as Record<string, unknown>;
    const code = Number(item.code ?? item.error_code ?? item.registrationerrorcode);
    const description = String(item.description ?? item.message ?? item.registrationerrordescription ?? '');
    return { step, code: Number.isFinite(code) && code > 0 ? code : null, description };
  });
  return refusals.length ? refusals : [{ step, code: null, description: fallback ?? '' }];
}
