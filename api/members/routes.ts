import { Hono } from 'hono';
import { isUuid } from '../../domain/ids.ts';
import { inviteMemberInput, roleChangeInput, transferOwnershipInput } from '../../domain/inputs/members.ts';
import { requireAccess } from '../auth/session.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { validated } from '../validated.ts';
import { inviteMember, pendingInvites, resendInvite, revokeInvite } from './invites.ts';
import { changeRole, listMembers, removeMember, transferOwnership } from './team.ts';

/**
 * `/api/tenants/:tenantId/members`: the business's team. Every member sees it (staff read-only:
 * members, no pending invites); owners (and the platform owner) invite, resend, revoke, remove,
 * change roles and transfer ownership. Each change is in the audit log (team-lock.ts auditTeam).
 */
export function memberRoutes() {
  const member = requireAccess({ kind: 'tenant-member' });
  const owner = requireAccess({ kind: 'tenant-member', roles: ['owner'] });
  const tenantId = (c: { req: { param: (name: 'tenantId') => string | undefined } }) => c.req.param('tenantId') ?? '';
  const idParam = (value: string | undefined, what: string) => {
    if (!isUuid(value)) throw new ApiError(404, 'not_found', `There is no such ${what} in this business.`);
    return value;
  };

  return new Hono<AppEnv>()
    .get('/', member, async (c) => {
      const deps = c.get('deps');
      const user = c.get('user');
      const id = tenantId(c);
      const canManage = user.isPlatformOwner || user.memberships.some((m) => m.tenantId === id && m.role === 'owner');
      return c.json({ members: await listMembers(deps, id), invites: canManage ? await pendingInvites(deps, id) : [], canManage });
    })
    .post('/', owner, validated('json', inviteMemberInput), async (c) => {
      const { email, role } = c.req.valid('json');
      const invite = await inviteMember(c.get('deps'), { tenantId: tenantId(c), email, role, actor: c.get('user') });
      return c.json({ invite }, 201);
    })
    .post('/transfer-ownership', owner, validated('json', transferOwnershipInput), async (c) => {
      await transferOwnership(c.get('deps'), { tenantId: tenantId(c), userId: c.req.valid('json').userId, actor: c.get('user') });
      return c.json({ members: await listMembers(c.get('deps'), tenantId(c)) });
    })
    .post('/invites/:inviteId/resend', owner, async (c) => {
      const invite = await resendInvite(c.get('deps'), { tenantId: tenantId(c), inviteId: idParam(c.req.param('inviteId'), 'invite'), actor: c.get('user') });
      return c.json({ invite });
    })
    .delete('/invites/:inviteId', owner, async (c) => {
      await revokeInvite(c.get('deps'), { tenantId: tenantId(c), inviteId: idParam(c.req.param('inviteId'), 'invite'), actor: c.get('user') });
      return c.json({ ok: true });
    })
    .patch('/:userId', owner, validated('json', roleChangeInput), async (c) => {
      await changeRole(c.get('deps'), { tenantId: tenantId(c), userId: idParam(c.req.param('userId'), 'member'), role: c.req.valid('json').role, actor: c.get('user') });
      return c.json({ members: await listMembers(c.get('deps'), tenantId(c)) });
    })
    .delete('/:userId', owner, async (c) => {
      await removeMember(c.get('deps'), { tenantId: tenantId(c), userId: idParam(c.req.param('userId'), 'member'), actor: c.get('user') });
      return c.json({ ok: true });
    });
}
