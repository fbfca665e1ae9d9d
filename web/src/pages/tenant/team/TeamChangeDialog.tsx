import { changeMemberRole, removeMember, revokeInvite, transferOwnership } from '../../../api/account-endpoints.ts';
import type { PendingInvite } from '../../../api/types.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import type { MemberAction } from './MemberList.tsx';

export type TeamChange = MemberAction | { kind: 'revoke'; invite: PendingInvite };

interface TeamChangeDialogProps {
  tenantId: string;
  businessName: string;
  change: TeamChange;
  userId: string;
  onDismiss: () => void;
  /** Called with the words for the toast once the change is made. */
  onDone: (message: string) => void;
}

/** The confirmation before each change to the team, in words that say what will happen. */
export function TeamChangeDialog({ tenantId, businessName, change, userId, onDismiss, onDone }: TeamChangeDialogProps) {
  if (change.kind === 'revoke') {
    const { invite } = change;
    return (
      <ConfirmDialog title="Revoke this invite?" confirmLabel="Revoke invite" busyLabel="Revoking…" danger onDismiss={onDismiss} onConfirm={async () => {
        await revokeInvite(tenantId, invite.id);
        onDone(`The invite to ${invite.email} no longer works.`);
      }}>
        <p>The link sent to <strong>{invite.email}</strong> will stop working. You can invite them again later.</p>
      </ConfirmDialog>
    );
  }
  const { member } = change;
  const who = member.name ?? member.email;
  const you = member.userId === userId;
  if (change.kind === 'remove') {
    return (
      <ConfirmDialog title={you ? 'Leave this business?' : `Remove ${who}?`} confirmLabel={you ? 'Leave' : 'Remove'} busyLabel="Removing…" danger onDismiss={onDismiss} onConfirm={async () => {
        await removeMember(tenantId, member.userId);
        onDone(you ? `You left ${businessName}.` : `${who} was removed.`);
      }}>
        <p>{you ? `You will lose access to ${businessName} at once.` : `${who} will lose access to ${businessName} at once. Their account stays, with any other businesses they belong to.`}</p>
      </ConfirmDialog>
    );
  }
  if (change.kind === 'transfer') {
    return (
      <ConfirmDialog title={`Make ${who} the owner?`} confirmLabel="Transfer ownership" busyLabel="Transferring…" onDismiss={onDismiss} onConfirm={async () => {
        await transferOwnership(tenantId, member.userId);
        onDone(`${who} is now an owner; you are staff.`);
      }}>
        <p>{who} becomes an owner of {businessName} and you become staff: you keep your access, but only owners can change settings, billing and the team.</p>
      </ConfirmDialog>
    );
  }
  const role = change.kind === 'make-owner' ? 'owner' : 'staff';
  return (
    <ConfirmDialog title={role === 'owner' ? `Make ${who} an owner?` : `Make ${who} staff?`} confirmLabel={role === 'owner' ? 'Make owner' : 'Make staff'} busyLabel="Saving…" onDismiss={onDismiss} onConfirm={async () => {
      await changeMemberRole(tenantId, member.userId, role);
      onDone(`${who} is now ${role === 'owner' ? 'an owner' : 'staff'}.`);
    }}>
      <p>{role === 'owner' ? `${who} will be able to change settings, billing and the team of ${businessName}.` : `${who} will keep working here but no longer change settings, billing or the team.`}</p>
    </ConfirmDialog>
  );
}
