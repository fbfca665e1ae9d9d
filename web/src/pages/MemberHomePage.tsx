import type { User } from '../api/types.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { Link } from '../lib/router.ts';

/** Where members of several businesses choose one (members of one go straight to it). */
export function MemberHomePage({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  return (
    <div className="app-shell">
      <AppHeader user={user} onSignOut={onSignOut} />
      <main className="page">
        <section className="state-panel">
          <h1>Welcome{user.name ? `, ${user.name}` : ''}</h1>
          {user.memberships.length > 0 ? (
            <>
              <p>Choose a business:</p>
              <ul className="membership-list">
                {user.memberships.map((membership) => (
                  <li key={membership.tenantId}>
                    <Link to={`/t/${encodeURIComponent(membership.tenantId)}/calls`}>
                      <strong>{membership.businessName}</strong>
                    </Link>{' '}
                    <span className="muted">({membership.role === 'owner' ? 'owner' : 'staff'})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>Your account isn't linked to a business yet. Ask the business owner to invite you.</p>
          )}
        </section>
      </main>
    </div>
  );
}
