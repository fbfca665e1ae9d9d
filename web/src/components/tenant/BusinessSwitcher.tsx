import { useNavigate } from '@tanstack/react-router';
import { useUser } from '../../auth/AuthContext.tsx';

/** For someone in several businesses: moves to another one's area. Hidden for members of one. */
export function BusinessSwitcher({ tenantId }: { tenantId: string }) {
  const user = useUser();
  const navigate = useNavigate();
  if (user.memberships.length < 2) return null;
  const known = user.memberships.some((m) => m.tenantId === tenantId);
  return (
    <label className="business-switcher">
      <span>Business</span>
      <select value={known ? tenantId : ''} onChange={(event) => void navigate({ href: `/t/${encodeURIComponent(event.target.value)}` })} data-testid="business-switcher">
        {!known && <option value="">Choose…</option>}
        {user.memberships.map((m) => (
          <option key={m.tenantId} value={m.tenantId}>
            {m.businessName}
          </option>
        ))}
      </select>
    </label>
  );
}
