import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { resendInvite } from '../../../api/account-endpoints.ts';
import { errorMessage } from '../../../api/client.ts';
import { keys, teamQuery } from '../../../api/queries.ts';
import type { PendingInvite } from '../../../api/types.ts';
import { useNavigate } from '@tanstack/react-router';
import { useAuth, useUser } from '../../../auth/AuthContext.tsx';
import { ListEmpty, ListError, ListLoading } from '../../../components/tenant/ListStates.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { InviteMemberForm } from './InviteMemberForm.tsx';
import { MemberList, type MemberAction } from './MemberList.tsx';
import { PendingInviteList } from './PendingInviteList.tsx';
import { TeamChangeDialog, type TeamChange } from './TeamChangeDialog.tsx';

/** `/t/:id/team`: who works here. Owners invite, resend, revoke, remove and change roles; staff see the list. */
export function TeamPage() {
  const tenant = useTenant();
  const user = useUser();
  const queryClient = useQueryClient();
  const { refreshUser } = useAuth();
  const navigate = useNavigate();
  const query = useQuery(teamQuery(tenant.id));
  const [change, setChange] = useState<TeamChange | null>(null);
  const [resending, setResending] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.team(tenant.id) });
  const team = query.data;
  const canManage = team?.canManage ?? false;
  const canTransfer = tenant.role === 'owner';

  async function resend(invite: PendingInvite) {
    setResending(invite.id);
    try {
      const sent = await resendInvite(tenant.id, invite.id);
      toast.success(sent.mailQueued === false ? `A new link for ${invite.email} is ready, but the email could not be sent yet. Try again in a minute.` : `A new link was sent to ${invite.email}.`);
      await refresh();
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setResending(null);
    }
  }

  async function done(message: string) {
    const made = change;
    setChange(null);
    toast.success(message);
    const aboutMe = made !== null && (made.kind === 'transfer' || ('member' in made && made.member.userId === user.id));
    if (aboutMe && made.kind === 'remove') {
      // You left: this business is no longer yours to open.
      await refreshUser();
      void navigate({ to: '/app', replace: true });
      return;
    }
    await refresh();
    if (aboutMe) {
      // Your own role changed what you may do here: ask who you are again.
      await queryClient.invalidateQueries({ queryKey: keys.tenant(tenant.id) });
      await refreshUser();
    }
  }

  return (
    <section className="team-page" aria-labelledby="team-title">
      <div className="page-toolbar">
        <div>
          <h1 id="team-title">Team</h1>
          <p className="muted">{canManage ? 'Everyone who can sign in to this business, and the invites still waiting.' : 'Everyone who can sign in to this business. Only owners can invite people or change the team.'}</p>
        </div>
      </div>

      {canManage && <InviteMemberForm tenantId={tenant.id} onInvited={() => void refresh()} />}
      {query.isPending && <ListLoading label="Loading the team…" />}
      {query.isError && <ListError title="We couldn't load the team" message={errorMessage(query.error)} onRetry={() => void query.refetch()} />}
      {team && (
        <>
          <h2 className="team-heading">Members ({team.members.length})</h2>
          {team.members.length === 0 ? (
            <ListEmpty title="Nobody has joined yet">
              <p>{team.invites.length > 0 ? 'The invites below are waiting for an answer.' : 'Invite the owner (or staff) above: they get an email with a link to join.'}</p>
            </ListEmpty>
          ) : (
            <MemberList members={team.members} userId={user.id} canManage={canManage} canTransfer={canTransfer} onAction={(action: MemberAction) => setChange(action)} />
          )}
          {canManage && team.invites.length > 0 && (
            <>
              <h2 className="team-heading">Waiting for an answer ({team.invites.length})</h2>
              <PendingInviteList invites={team.invites} resending={resending} onResend={(invite) => void resend(invite)} onRevoke={(invite) => setChange({ kind: 'revoke', invite })} />
            </>
          )}
        </>
      )}
      {change && <TeamChangeDialog tenantId={tenant.id} businessName={tenant.businessName} change={change} userId={user.id} onDismiss={() => setChange(null)} onDone={(message) => void done(message)} />}
    </section>
  );
}
