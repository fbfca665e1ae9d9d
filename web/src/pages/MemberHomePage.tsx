import type { User } from '../api/types.ts';
import { AppHeader } from '../components/AppHeader.tsx';

/** Where business owners and staff land until their own dashboard ships. */
export function MemberHomePage({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  return (
    <div className="app-shell">
      <AppHeader user={user} onSignOut={onSignOut} />
      <main className="page">
        <section className="state-panel">
          <h1>Welcome{user.name ? `, ${user.name}` : ''}</h1>
          {user.memberships.length > 0 ? (
            <>
              <p>Your business dashboard is on its way. You have access to:</p>
              <ul className="membership-list">
                {user.memberships.map((membership) => (
                  <li key={membership.tenantId}>
                    <strong>{membership.businessName}</strong> <span className="muted">({membership.role === 'owner' ? 'owner' : 'staff'})</span>
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
