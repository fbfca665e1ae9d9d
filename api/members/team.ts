import type { MemberRole } from '../../domain/inputs/members.ts';
import type { AppDeps, SessionUser } from '../context.ts';
import { ApiError } from '../errors.ts';
import { auditTeam, lockTeam, ownerCount, stillOwner, type Tx } from './team-lock.ts';

// The members of a business and the changes owners make to them. A business always keeps at
// least one owner: each change is checked under the team lock (team-lock.ts).

type Deps = Pick<AppDeps, 'db'>;

export async function listMembers(deps: Deps, tenantId: string) {
  const rows = await deps.db.membership.findMany({ where: { tenantId }, include: { user: { select: { email: true, name: true } } }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => ({ userId: row.userId, email: row.user.email, name: row.user.name, role: row.role, joinedAt: row.createdAt.toISOString() }));
}

async function memberOf(tx: Tx, tenantId: string, userId: string) {
  const member = await tx.membership.findUnique({ where: { userId_tenantId: { userId, tenantId } }, include: { user: { select: { email: true } } } });
  if (!member) throw new ApiError(404, 'not_found', 'That person is not a member of this business.');
  return { userId, email: member.user.email, role: member.role };
}

const LAST_OWNER = 'A business needs at least one owner. Make someone else an owner first (or transfer ownership).';

/** Removes a member; their access ends with their next request (requireAccess reads memberships each time). */
export async function removeMember(deps: Deps, input: { tenantId: string; userId: string; actor: SessionUser }) {
  await deps.db.$transaction(async (tx) => {
    await lockTeam(tx, input.tenantId);
    await stillOwner(tx, input.tenantId, input.actor);
    const member = await memberOf(tx, input.tenantId, input.userId);
    if (member.role === 'owner' && (await ownerCount(tx, input.tenantId)) <= 1) throw new ApiError(409, 'last_owner', LAST_OWNER);
    await tx.membership.delete({ where: { userId_tenantId: { userId: input.userId, tenantId: input.tenantId } } });
    await auditTeam(tx, { actorUserId: input.actor.id, tenantId: input.tenantId, action: 'member.removed', before: member });
  });
}

export async function changeRole(deps: Deps, input: { tenantId: string; userId: string; role: MemberRole; actor: SessionUser }) {
  await deps.db.$transaction(async (tx) => {
    await lockTeam(tx, input.tenantId);
    await stillOwner(tx, input.tenantId, input.actor);
    const member = await memberOf(tx, input.tenantId, input.userId);
    if (member.role === input.role) return;
    if (member.role === 'owner' && (await ownerCount(tx, input.tenantId)) <= 1) throw new ApiError(409, 'last_owner', LAST_OWNER);
    await tx.membership.update({ where: { userId_tenantId: { userId: input.userId, tenantId: input.tenantId } }, data: { role: input.role } });
    await auditTeam(tx, { actorUserId: input.actor.id, tenantId: input.tenantId, action: 'member.role_changed', before: member, after: { ...member, role: input.role } });
  });
}

/**
 * Hands the business to another member: they become owner, and the owner handing over becomes
 * staff (the platform owner, not a member, only promotes). One transaction, so there is never a
 * moment with no owner.
 */
export async function transferOwnership(deps: Deps, input: { tenantId: string; userId: string; actor: SessionUser }) {
  await deps.db.$transaction(async (tx) => {
    await lockTeam(tx, input.tenantId);
    await stillOwner(tx, input.tenantId, input.actor);
    const target = await memberOf(tx, input.tenantId, input.userId);
    const key = (userId: string) => ({ userId_tenantId: { userId, tenantId: input.tenantId } });
    await tx.membership.update({ where: key(target.userId), data: { role: 'owner' } });
    const handingOver = input.actor.id !== target.userId ? await tx.membership.findUnique({ where: key(input.actor.id) }) : null;
    if (handingOver) await tx.membership.update({ where: key(input.actor.id), data: { role: 'staff' } });
    await auditTeam(tx, {
      actorUserId: input.actor.id,
      tenantId: input.tenantId,
      action: 'member.ownership_transferred',
      before: { to: target, from: handingOver ? { userId: input.actor.id, role: handingOver.role } : null },
      after: { to: { ...target, role: 'owner' }, from: handingOver ? { userId: input.actor.id, role: 'staff' } : null },
    });
  });
}
