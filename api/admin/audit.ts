import { Hono } from 'hono';
import { auditChanges, describeAction } from '../../domain/audit-entries.ts';
import { AUDIT_PAGE_SIZE, auditQuery, type AuditQuery } from '../../domain/inputs/audit-query.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { requireAccess } from '../auth/session.ts';
import type { AppEnv } from '../context.ts';
import { validated } from '../validated.ts';

// `/api/admin/audit`: every audited change on the platform, newest first, for the platform owner:
// who (a person, or ServicePro itself), what, when, and each field before → after.

const SERVICEPRO = 'ServicePro (automatic)';

async function auditPage(db: PrismaClient, query: AuditQuery) {
  const limit = query.limit ?? AUDIT_PAGE_SIZE;
  const rows = await db.auditLog.findMany({
    where: { tenantId: query.tenantId, action: query.action, id: query.cursor ? { lt: BigInt(query.cursor) } : undefined },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const actorIds = [...new Set(page.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const tenantIds = [...new Set(page.map((row) => row.tenantId))];
  const [actors, tenants] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true, name: true } }),
    db.tenantConfig.findMany({ where: { tenantId: { in: tenantIds } }, select: { tenantId: true, businessName: true } }),
  ]);
  const actorById = new Map(actors.map((actor) => [actor.id, actor]));
  const nameOf = new Map(tenants.map((tenant) => [tenant.tenantId, tenant.businessName]));
  const who = (actorUserId: string | null) => {
    if (!actorUserId) return SERVICEPRO;
    const actor = actorById.get(actorUserId);
    if (!actor) return 'A user who no longer exists';
    return actor.name ? `${actor.name} (${actor.email})` : actor.email;
  };
  return {
    entries: page.map((row) => ({
      id: row.id.toString(),
      at: row.createdAt.toISOString(),
      who: who(row.actorUserId),
      actorUserId: row.actorUserId,
      tenantId: row.tenantId,
      businessName: nameOf.get(row.tenantId) ?? row.tenantId,
      action: row.action,
      what: describeAction(row.action),
      changes: auditChanges(row.before, row.after),
    })),
    nextCursor: rows.length > limit ? page.at(-1)!.id.toString() : null,
  };
}

export function adminAuditRoutes() {
  return new Hono<AppEnv>()
    .use(requireAccess({ kind: 'platform-owner' }))
    .get('/', validated('query', auditQuery), async (c) => c.json(await auditPage(c.get('deps').db, c.req.valid('query'))));
}
