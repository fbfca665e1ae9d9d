import { Link } from '@tanstack/react-router';
import { callerLabel } from '../../lib/tenant-format.ts';

/**
 * Who called or texted: a known customer's name, linking to their page in the customer book, else
 * their number. The API finds the customer (api/tenants/caller-names.ts) and gives their id.
 */
export function CallerName({ tenantId, name, number, customerId }: { tenantId: string; name: string | null; number: string; customerId: string | null }) {
  const label = <strong>{callerLabel(name, number)}</strong>;
  if (!name || !customerId) return label;
  return (
    <Link className="caller-link" to="/t/$tenantId/customers/$customerId" params={{ tenantId, customerId }}>
      {label}
    </Link>
  );
}
