import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../api/client.ts';
import { phoneSettingsQuery } from '../../../api/queries.ts';
import { ListError } from '../../../components/tenant/ListStates.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { PhoneSettingsForm } from './PhoneSettingsForm.tsx';

/** How the business phone answers: menu or forwarding, hours, what callers hear, what we text. */
export function PhoneSettingsPage() {
  const tenant = useTenant();
  const query = useQuery(phoneSettingsQuery(tenant.id));
  if (query.isPending) return <p role="status" className="muted">Loading your phone settings…</p>;
  if (query.isError) return <ListError title="We couldn't load your phone settings" message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;
  return <PhoneSettingsForm tenant={tenant} saved={query.data} />;
}
