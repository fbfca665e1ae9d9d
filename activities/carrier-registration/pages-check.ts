import { PAGE_NAMES, type RegistrationPages } from '../../domain/carrier-registration/index.ts';
import type { Refusal } from '../../domain/carrier-registration/refusals.ts';
import { outcome, type RegistrationRecords, type StepOutcome } from './records.ts';

// Carriers open the business's website before they approve a campaign, and refuse one whose
// opt-in, privacy or terms page is missing — after charging for the submission. So before the
// campaign is submitted, each page is fetched as a reviewer would: it must answer 200 and name the business.

const PAGE_TIMEOUT_MS = 10_000;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Why the page at `url` would not satisfy a reviewer, or null when it would. */
export async function pageProblem(url: string, businessName: string): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(PAGE_TIMEOUT_MS), headers: { accept: 'text/html' } });
  } catch (error) {
    return `could not be reached (${error instanceof Error ? error.message : String(error)})`;
  }
  if (response.status !== 200) return `answered ${response.status} instead of showing the page`;
  const body = await response.text();
  if (!body.includes(businessName) && !body.includes(escapeHtml(businessName))) return `does not show your business name (“${businessName}”)`;
  return null;
}

export function pagesCheck(records: RegistrationRecords) {
  return {
    /** Every page the campaign links to, checked before the fee; a campaign already submitted is not checked again. */
    async checkCampaignPages({ tenantId }: { tenantId: string }): Promise<StepOutcome> {
      const row = await records.row(tenantId);
      if (row.campaignSid) return outcome(row, 'done');
      const facts = await records.facts(tenantId);
      const refusals: Refusal[] = [];
      for (const [page, url] of Object.entries(facts.pages) as [keyof RegistrationPages, string][]) {
        const problem = await pageProblem(url, facts.businessName);
        if (problem) refusals.push({ step: 'website', code: null, description: `Your ${PAGE_NAMES[page]} (${url}) ${problem}. Publish your website with this page, then submit again.` });
      }
      return refusals.length ? outcome(await records.refuse(tenantId, 'website', refusals), 'refused') : outcome(row, 'done');
    },
  };
}
