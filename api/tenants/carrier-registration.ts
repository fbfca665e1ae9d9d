import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { Hono } from 'hono';
import { lintCampaign, platformSmsNumber, problemFields, registrationPages, rewordCampaign, type Campaign } from '../../domain/carrier-registration/index.ts';
import { resubmitRegistrationInput } from '../../domain/inputs/carrier-registration.ts';
import { registrationPolling, resubmitRegistration, startCarrierRegistration } from '../../workers/client/carrier-registration.ts';
import { requireAccess } from '../auth/session.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { withinTemporalDeadline } from '../temporal-deadline.ts';
import { validated } from '../validated.ts';
import { openBusinessOnly } from './open-business.ts';
import { registrationView } from './carrier-registration-view.ts';

// `/api/tenants/:tenantId/carrier-registration`: a business's registration for texting (A2P 10DLC).
// Members read it; owners start it (existing businesses: the dashboard's button) and resubmit a
// refused step with their fix, linted here first so a bad one never reaches the carriers' fee.

const TEMPORAL_DEADLINE_MS = 10_000;

async function view(deps: AppDeps, tenantId: string) {
  const tenant = await deps.db.tenant.findUnique({ where: { id: tenantId }, include: { carrierRegistration: true } });
  if (!tenant) throw new ApiError(404, 'not_found', `There is no business “${tenantId}”.`);
  return registrationView(tenant.carrierRegistration, { publicBaseUrl: deps.config.PUBLIC_BASE_URL, slug: tenant.slug, platformNumber: platformSmsNumber(deps.config) });
}

export function carrierRegistrationRoutes() {
  const member = requireAccess({ kind: 'tenant-member' });
  const owner = requireAccess({ kind: 'tenant-member', roles: ['owner'] });
  const tenantIdOf = (c: { req: { param: (name: 'tenantId') => string | undefined } }) => c.req.param('tenantId') ?? '';

  return new Hono<AppEnv>()
    .get('/', member, async (c) => c.json({ registration: await view(c.get('deps'), tenantIdOf(c)) }))
    .post('/', owner, openBusinessOnly, async (c) => {
      const deps = c.get('deps');
      const tenantId = tenantIdOf(c);
      await view(deps, tenantId); // 404 for a business that does not exist
      // Shown at once as "getting ready"; the workflow's first step writes the same.
      await deps.db.carrierRegistration.upsert({ where: { tenantId }, create: { tenantId, state: 'pending' }, update: {} });
      await deps.db.carrierRegistration.updateMany({ where: { tenantId, state: 'not_started' }, data: { state: 'pending' } });
      try {
        await withinTemporalDeadline(deps, TEMPORAL_DEADLINE_MS, () => startCarrierRegistration(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE, tenantId, registrationPolling(deps.config)));
      } catch (error) {
        c.get('logger').error({ err: error, tenantId }, 'carrier registration not started');
        throw new ApiError(503, 'registration_busy', 'Registration could not be started just now. Try again in a minute.');
      }
      return c.json({ registration: await view(deps, tenantId) }, 202);
    })
    .post('/resubmit', owner, openBusinessOnly, validated('json', resubmitRegistrationInput), async (c) => {
      const deps = c.get('deps');
      const tenantId = tenantIdOf(c);
      const { wording } = c.req.valid('json');
      const tenant = await deps.db.tenant.findUnique({ where: { id: tenantId }, include: { config: true, carrierRegistration: true } });
      const row = tenant?.carrierRegistration;
      if (!tenant?.config || !row || row.state !== 'action_needed') throw new ApiError(409, 'nothing_to_resubmit', 'Nothing is waiting for a fix: the registration is not asking you to change anything.');
      if (wording && row.campaign) {
        const problems = lintCampaign(rewordCampaign(row.campaign as unknown as Campaign, wording), { businessName: tenant.config.businessName, pages: registrationPages(deps.config.PUBLIC_BASE_URL, tenant.slug) });
        if (problems.length) throw new ApiError(400, 'campaign_refused', 'Carriers would refuse this campaign. Fix what is marked, then submit again.', problemFields(problems));
      }
      try {
        await withinTemporalDeadline(deps, TEMPORAL_DEADLINE_MS, () => resubmitRegistration(deps.temporal, tenantId, { wording }));
      } catch (error) {
        if (error instanceof WorkflowUpdateFailedError && error.cause?.message) throw new ApiError(409, 'resubmit_refused', error.cause.message);
        if (error instanceof WorkflowNotFoundError) throw new ApiError(409, 'nothing_to_resubmit', 'The registration is not running. Start it again from your dashboard.');
        c.get('logger').warn({ err: error, tenantId }, 'resubmission did not complete in time');
        throw new ApiError(503, 'registration_busy', 'The registration is busy. Try again in a minute.');
      }
      return c.json({ registration: await view(deps, tenantId) });
    });
}
