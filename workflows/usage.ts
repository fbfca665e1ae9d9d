import * as wf from '@temporalio/workflow';
import type { UsageActivities } from '../activities/contracts.ts';
import { periodsToReport } from './usage-periods.ts';

// One run of usage metering: every billable tenant's running totals for the month, sent to Stripe.
// Started by the `usage-report` Schedule (workers/client/usage-schedule.ts) every few minutes; each run is
// safe to repeat, so a double-fired schedule or a retried run never bills twice.

const { listBillableTenants } = wf.proxyActivities<UsageActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumAttempts: 5 },
});

// A tenant that keeps failing (a deleted Stripe customer, an outage) gives up after a few tries:
// the next scheduled run sends the same total again, so nothing is lost by moving on.
const { reportTenantUsage } = wf.proxyActivities<UsageActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 3, nonRetryableErrorTypes: ['BadUsageReport', 'StripeUsageRejected'] },
});

/** Tenants reported at the same time: enough to be quick, few enough to stay under Stripe's rate limits. */
const BATCH_SIZE = 5;

export interface ReportUsageInput {
  /** `YYYY-MM`; omitted: the current UTC month (and on the 1st, also the month before). */
  period?: string;
}

export interface ReportUsageSummary {
  periods: string[];
  tenants: number;
  /** Tenant-months whose totals Stripe now holds (sent now or before). */
  reported: number;
  /** Meter events Stripe took as new in this run. */
  eventsSent: number;
  failed: Array<{ tenantId: string; period: string; error: string }>;
}

export async function reportUsage(input: ReportUsageInput = {}): Promise<ReportUsageSummary> {
  // Date.now() inside a workflow is the workflow task's time: deterministic on replay.
  const periods = input.period ? [input.period] : periodsToReport(new Date(Date.now()));
  const tenants = await listBillableTenants();
  const work = tenants.flatMap((tenantId) => periods.map((period) => ({ tenantId, period })));
  const summary: ReportUsageSummary = { periods, tenants: tenants.length, reported: 0, eventsSent: 0, failed: [] };

  for (let i = 0; i < work.length; i += BATCH_SIZE) {
    await Promise.all(
      work.slice(i, i + BATCH_SIZE).map(async ({ tenantId, period }) => {
        try {
          const result = await reportTenantUsage({ tenantId, period });
          if (!result.skipped) summary.reported += 1;
          summary.eventsSent += result.sent;
        } catch (error) {
          const message = error instanceof wf.ActivityFailure && error.cause ? error.cause.message : String(error);
          wf.log.warn('usage not reported for a tenant', { tenantId, period, error: message });
          summary.failed.push({ tenantId, period, error: message });
        }
      }),
    );
  }
  return summary;
}
