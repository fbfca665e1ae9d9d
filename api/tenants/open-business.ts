import { createMiddleware } from 'hono/factory';
import { isProvisioned } from '../../domain/tenancy.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

/**
 * For changes a closed business may no longer make (its settings, a test call, a card): 409 `tenant_closed`
 * saying what is still possible. Reading and exporting stay open, and a suspended (paused) business
 * keeps everything, settings included — only closing freezes it (DESIGN.md "Billing life").
 * Runs after the access check, so only a member learns that the business is closed.
 */
export const openBusinessOnly = createMiddleware<AppEnv>(async (c, next) => {
  const tenantId = c.req.param('tenantId') ?? '';
  const tenant = await c.get('deps').db.tenant.findUnique({ where: { id: tenantId }, select: { closedAt: true, config: { select: { status: true } } } });
  if (tenant && (tenant.closedAt || tenant.config?.status === 'closed')) {
    throw new ApiError(409, 'tenant_closed', 'This business is closed, so its settings, card and plan can no longer be changed and no test calls can be placed. You can still see everything and export your data.');
  }
  await next();
});

/**
 * For what needs a provisioned business (a plan to change, a card for its subscription): a business
 * still in the setup wizard, rolled back or abandoned has none yet — 409 `not_set_up`, saying so.
 */
export const setUpBusinessOnly = createMiddleware<AppEnv>(async (c, next) => {
  const tenantId = c.req.param('tenantId') ?? '';
  const config = await c.get('deps').db.tenantConfig.findUnique({ where: { tenantId }, select: { status: true } });
  if (config && !isProvisioned(config.status)) {
    throw new ApiError(409, 'not_set_up', 'This business is not set up yet: its plan and free trial start when the setup is finished (no card needed until the trial ends).');
  }
  await next();
});
