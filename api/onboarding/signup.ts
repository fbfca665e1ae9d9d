import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { signupInput } from '../../domain/inputs/signup.ts';
import { hashPassword } from '../../domain/passwords.ts';
import { tenantIdFromName } from '../../domain/tenancy.ts';
import { Prisma } from '../../prisma/client.ts';
import { startOnboarding } from '../../workers/client/onboarding.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { validated } from '../validated.ts';
import { throttleSignups, type AccountLimits } from '../auth/account-throttle.ts';
import { signIn } from '../auth/sign-in.ts';
import { withinTemporalDeadline } from '../temporal-deadline.ts';

// `POST /api/signup`: a new owner and their business, which starts `onboarding` (no number, no plan,
// no billing yet) with its wizard workflow `onboarding:<tenantId>`. The owner is signed in at once.

const accountExists = () =>
  new ApiError(409, 'account_exists', 'An account with this email already exists. Sign in instead (or reset your password from the sign-in page).', { email: 'Already has an account: sign in instead' });

/** The tenant id from the business name, with a short random suffix when that one is taken. */
const candidateId = (businessName: string, attempt: number) => {
  const base = tenantIdFromName(businessName);
  return attempt === 0 ? base : `${base.slice(0, 33)}-${randomBytes(3).toString('hex')}`;
};

class IdTaken extends Error {}

async function createOwnerAndBusiness(db: AppDeps['db'], input: { email: string; passwordHash: string; businessName: string }) {
  for (let attempt = 0; ; attempt += 1) {
    const tenantId = candidateId(input.businessName, attempt);
    try {
      // One transaction: the account, the business and the owner's membership land together or not at all.
      return await db.$transaction(async (tx) => {
        if (await tx.tenant.findFirst({ where: { OR: [{ id: tenantId }, { slug: tenantId }] }, select: { id: true } })) throw new IdTaken();
        const user = await tx.user.create({ data: { email: input.email, passwordHash: input.passwordHash } });
        await tx.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: input.businessName, status: 'onboarding' } }, memberships: { create: { userId: user.id, role: 'owner' } } } });
        await tx.auditLog.create({ data: { actorUserId: user.id, tenantId, action: 'tenant.signed_up', after: { tenantId, status: 'onboarding' } } });
        return { userId: user.id, tenantId };
      });
    } catch (error) {
      const unique = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
      if (unique && JSON.stringify(error.meta ?? {}).includes('email')) throw accountExists();
      if (!(error instanceof IdTaken || unique) || attempt >= 5) throw error;
    }
  }
}

export function signupRoutes(limits: AccountLimits) {
  return new Hono<AppEnv>().use('/', ...throttleSignups(limits)).post('/', validated('json', signupInput), async (c) => {
    const deps = c.get('deps');
    const { email, password, businessName } = c.req.valid('json');
    if (await deps.db.user.findUnique({ where: { email }, select: { id: true } })) throw accountExists();
    const { userId, tenantId } = await createOwnerAndBusiness(deps.db, { email, passwordHash: await hashPassword(password), businessName });
    try {
      await withinTemporalDeadline(deps, deps.config.ONBOARDING_UPDATE_DEADLINE_MS, () => startOnboarding(deps.temporal, deps.config, { tenantId, owner: { userId, email }, businessName }));
    } catch (error) {
      // The business exists; the first wizard request starts its workflow (api/onboarding/routes.ts).
      c.get('logger').warn({ err: error, tenantId }, 'onboarding workflow not started at signup; the wizard starts it');
    }
    return c.json({ ...(await signIn(c, userId)), tenantId }, 201);
  });
}
