import { Link } from '@tanstack/react-router';
import { useUser } from '../auth/AuthContext.tsx';
import { AppHeader } from '../components/AppHeader.tsx';

/** Where members of several businesses choose one (members of one go straight to it). */
export function MemberHomePage() {
  const user = useUser();
  return (
    <div className="app-shell">
      <AppHeader />
      <main className="page" id="main" tabIndex={-1}>
        <section className="state-panel">
          <h1>Welcome{user.name ? `, ${user.name}` : ''}</h1>
          {user.memberships.length > 0 ? (
            <>
              <p>Choose a business:</p>
              <ul className="membership-list">
                {user.memberships.map((membership) => (
                  <li key={membership.tenantId}>
                    <Link to="/t/$tenantId" params={{ tenantId: membership.tenantId }}>
                      <strong>{membership.businessName}</strong>
                    </Link>{' '}
                    <span className="muted">({membership.role === 'owner' ? 'owner' : 'staff'})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p>Your account isn't part of any business right now.</p>
              <p className="muted">
                An owner adds people from their business's Team page. Ask them to invite <strong>{user.email}</strong>: the email has a link that adds the business to this account.
              </p>
            </>
          )}
        </section>
      </main>
    </div>
  );
}
