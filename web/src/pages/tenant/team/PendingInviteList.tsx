import type { PendingInvite } from '../../../api/types.ts';
import { formatDate } from '../../../lib/format.ts';

interface PendingInviteListProps {
  invites: PendingInvite[];
  resending: string | null;
  onResend: (invite: PendingInvite) => void;
  onRevoke: (invite: PendingInvite) => void;
}

/** Invites not answered yet: when they run out, and Resend (a new link) or Revoke. */
export function PendingInviteList({ invites, resending, onResend, onRevoke }: PendingInviteListProps) {
  return (
    <ul className="team-list" aria-label="Pending invites">
      {invites.map((invite) => (
        <li key={invite.id} className="team-row" data-testid="team-invite">
          <div className="team-who">
            <strong className="team-email">{invite.email}</strong>
            <span className={invite.expired ? 'field-error' : 'muted'}>{invite.expired ? 'Link expired — resend it' : `Link works until ${formatDate(invite.expiresAt)}`}</span>
          </div>
          <span className={`role-badge role-${invite.role}`}>{invite.role === 'owner' ? 'Owner' : 'Staff'}</span>
          <div className="team-actions">
            <button type="button" className="button button-ghost" onClick={() => onResend(invite)} disabled={resending === invite.id}>
              {resending === invite.id ? 'Sending…' : 'Resend'}
              <span className="visually-hidden"> the invite to {invite.email}</span>
            </button>
            <button type="button" className="button button-ghost button-danger" onClick={() => onRevoke(invite)}>
              Revoke<span className="visually-hidden"> the invite to {invite.email}</span>
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
