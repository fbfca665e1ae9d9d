import type { TeamMember } from '../../../api/types.ts';
import { formatDate } from '../../../lib/format.ts';

export type MemberAction = { kind: 'remove' | 'make-owner' | 'make-staff' | 'transfer'; member: TeamMember };

interface MemberListProps {
  members: TeamMember[];
  /** The signed-in user, to say "you". */
  userId: string;
  /** Owners (and the platform owner) get the buttons; staff see the list only. */
  canManage: boolean;
  /** Only an owner who is a member can hand their ownership over. */
  canTransfer: boolean;
  onAction: (action: MemberAction) => void;
}

export function MemberList({ members, userId, canManage, canTransfer, onAction }: MemberListProps) {
  // The last owner can be neither removed nor made staff (the API refuses it too): no buttons that only fail.
  const owners = members.filter((member) => member.role === 'owner').length;
  return (
    <ul className="team-list" aria-label="Members">
      {members.map((member) => {
        const you = member.userId === userId;
        const label = member.name ?? member.email;
        return (
          <li key={member.userId} className="team-row" data-testid="team-member">
            <div className="team-who">
              <strong>
                {label}
                {you && <span className="muted"> (you)</span>}
              </strong>
              {member.name && <span className="muted team-email">{member.email}</span>}
              <span className="muted">Joined {formatDate(member.joinedAt)}</span>
            </div>
            <span className={`role-badge role-${member.role}`}>{member.role === 'owner' ? 'Owner' : 'Staff'}</span>
            {canManage && member.role === 'owner' && owners === 1 && <p className="muted team-actions">The only owner: make someone else an owner before this one steps down.</p>}
            {canManage && !(member.role === 'owner' && owners === 1) && (
              <div className="team-actions">
                {member.role === 'staff' ? (
                  <button type="button" className="button button-ghost" onClick={() => onAction({ kind: 'make-owner', member })}>
                    Make owner<span className="visually-hidden"> {label}</span>
                  </button>
                ) : (
                  <button type="button" className="button button-ghost" onClick={() => onAction({ kind: 'make-staff', member })}>
                    Make staff<span className="visually-hidden"> {label}</span>
                  </button>
                )}
                {canTransfer && !you && member.role === 'staff' && (
                  <button type="button" className="button button-ghost" onClick={() => onAction({ kind: 'transfer', member })}>
                    Transfer ownership<span className="visually-hidden"> to {label}</span>
                  </button>
                )}
                <button type="button" className="button button-ghost button-danger" onClick={() => onAction({ kind: 'remove', member })}>
                  Remove<span className="visually-hidden"> {label}</span>
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
