import { Hono } from 'hono';
import { areaCodeQuery, type OnboardingStepName } from '../../domain/inputs/onboarding.ts';
import { ONBOARDING_STEPS } from '../../domain/onboarding/steps.ts';
import { finishOnboarding, queryOnboardingProgress, searchAvailableNumbers, startOnboarding, submitOnboardingStep } from '../../workers/client/onboarding.ts';
import { requireAccess } from '../auth/session.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { withinTemporalDeadline } from '../temporal-deadline.ts';
import { validated } from '../validated.ts';
import { busy, isMissingWorkflow, refusalOf } from './workflow-answers.ts';

// `/api/tenants/:tenantId/onboarding`: the wizard, for the business's owner. Each step's body goes to
// the workflow's update as sent: its validator (domain/inputs/onboarding.ts) is the one check, so a
// refused step leaves no trace in history. The API adds only what needs the database (a taken web address).

const isStep = (step: string): step is OnboardingStepName => (ONBOARDING_STEPS as readonly string[]).includes(step);

/**
 * Runs `work` against the tenant's onboarding workflow within the deadline. A workflow that is missing
 * (signup could not start it) is started for a business still onboarding, then asked again.
 */
async function withOnboarding<T>(deps: AppDeps, tenantId: string, work: () => Promise<T>): Promise<T> {
  const ms = deps.config.ONBOARDING_UPDATE_DEADLINE_MS;
  try {
    return await withinTemporalDeadline(deps, ms, work);
  } catch (error) {
    const refused = refusalOf(error);
    if (refused) throw refused;
    if (!isMissingWorkflow(error)) busy(deps, tenantId, error);
    await restart(deps, tenantId);
    try {
      return await withinTemporalDeadline(deps, ms, work);
    } catch (again) {
      throw refusalOf(again) ?? busy(deps, tenantId, again);
    }
  }
}

async function restart(deps: AppDeps, tenantId: string) {
  const tenant = await deps.db.tenant.findUnique({ where: { id: tenantId }, include: { config: true, memberships: { where: { role: 'owner' }, include: { user: true }, orderBy: { createdAt: 'asc' }, take: 1 } } });
  const owner = tenant?.memberships[0]?.user;
  if (!tenant?.config || !owner) throw new ApiError(404, 'not_found', `There is no business “${tenantId}”.`);
  if (tenant.config.status !== 'onboarding') throw new ApiError(409, 'onboarding_closed', 'This business has no setup in progress: it was set up already (or its setup expired).');
  await withinTemporalDeadline(deps, deps.config.ONBOARDING_UPDATE_DEADLINE_MS, () => startOnboarding(deps.temporal, deps.config, { tenantId, owner: { userId: owner.id, email: owner.email }, businessName: tenant.config!.businessName })).catch((error) => busy(deps, tenantId, error));
}

/** Another business already has this web address (checked again, in one transaction, when provisioning). */
async function refuseTakenSlug(deps: AppDeps, tenantId: string, body: unknown) {
  const slug = typeof body === 'object' && body !== null && 'slug' in body && typeof body.slug === 'string' ? body.slug.trim().toLowerCase() : null;
  if (!slug) return;
  const taken = await deps.db.tenant.findFirst({ where: { OR: [{ slug }, { id: slug }], NOT: { id: tenantId } }, select: { id: true } });
  if (taken) throw new ApiError(400, 'validation_failed', 'That web address is taken: choose another.', { slug: `${slug} is taken by another business: choose another` });
}

export function onboardingRoutes() {
  const owner = requireAccess({ kind: 'tenant-member', roles: ['owner'] });
  const tenantIdOf = (c: { req: { param: (name: 'tenantId') => string | undefined } }) => c.req.param('tenantId') ?? '';

  return new Hono<AppEnv>()
    .get('/', owner, async (c) => {
      const deps = c.get('deps');
      const tenantId = tenantIdOf(c);
      return c.json(await withOnboarding(deps, tenantId, () => queryOnboardingProgress(deps.temporal, tenantId)));
    })
    .get('/available-numbers', owner, validated('query', areaCodeQuery), async (c) => {
      const deps = c.get('deps');
      const tenantId = tenantIdOf(c);
      const { areaCode } = c.req.valid('query');
      return c.json({ numbers: await withOnboarding(deps, tenantId, () => searchAvailableNumbers(deps.temporal, tenantId, areaCode)) });
    })
    .post('/finish', owner, async (c) => {
      const deps = c.get('deps');
      const tenantId = tenantIdOf(c);
      const finishOnce = async () => {
        try {
          return await finishOnboarding(deps.temporal, tenantId, c.get('user').id);
        } catch (error) {
          // Finished already (the workflow has completed): the duplicate gets the progress, as while it ran.
          const progress = isMissingWorkflow(error) ? await queryOnboardingProgress(deps.temporal, tenantId).catch(() => null) : null;
          if (progress?.status === 'complete') return progress;
          throw error;
        }
      };
      return c.json(await withOnboarding(deps, tenantId, finishOnce), 202);
    })
    .put('/:step', owner, async (c) => {
      const deps = c.get('deps');
      const tenantId = tenantIdOf(c);
      const step = c.req.param('step');
      if (!isStep(step)) throw new ApiError(404, 'not_found', `There is no setup step “${step.slice(0, 40)}”: the steps are ${ONBOARDING_STEPS.join(', ')}.`);
      const body: unknown = await c.req.json().catch(() => {
        throw new ApiError(400, 'bad_request', 'Send the step as a JSON object.');
      });
      if (step === 'business') await refuseTakenSlug(deps, tenantId, body);
      return c.json(await withOnboarding(deps, tenantId, () => submitOnboardingStep(deps.temporal, tenantId, step, body)));
    });
}
