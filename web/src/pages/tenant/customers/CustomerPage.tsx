import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { customerPageQuery } from '../../../api/customer-queries.ts';
import { SkeletonCard } from '../../../components/SkeletonCard.tsx';
import { ClosedBusinessNote, isClosed } from '../../../components/tenant/ClosedBusinessNote.tsx';
import { ListError } from '../../../components/tenant/ListStates.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { formatPhone } from '../../../lib/format.ts';
import { AssetsCard } from './AssetsCard.tsx';
import { ContactCard } from './ContactCard.tsx';
import { CustomerHistory } from './CustomerHistory.tsx';
import { UpcomingBookings } from './UpcomingBookings.tsx';

/** One customer: contact details and notes, what the business works on for them, what is booked, and everything so far. */
export function CustomerPage() {
  const tenant = useTenant();
  const { customerId } = useParams({ from: '/signed-in/t/$tenantId/customers/$customerId' });
  const query = useQuery(customerPageQuery(tenant.id, customerId));
  const back = (
    <Link className="back-link" to="/t/$tenantId/customers" params={{ tenantId: tenant.id }}>
      ← Customers
    </Link>
  );

  if (query.isPending) {
    return (
      <section aria-busy="true" className="customer-page">
        {back}
        <p className="visually-hidden" role="status">
          Loading the customer…
        </p>
        <div className="customer-layout">
          <SkeletonCard />
          <SkeletonCard />
        </div>
      </section>
    );
  }
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <section className="customer-page">
        {back}
        {missing ? (
          <section className="state-panel" role="alert">
            <h1>We couldn't find that customer</h1>
            <p>They are not in this business's customer book. Find them in the list.</p>
          </section>
        ) : (
          <ListError title="We couldn't load this customer" message={errorMessage(query.error)} onRetry={() => void query.refetch()} />
        )}
      </section>
    );
  }

  const { customer, assets, assetLabel, upcomingBookings, history, timeZone } = query.data;
  const readOnly = isClosed(tenant);
  return (
    <section aria-labelledby="customer-title" className="customer-page">
      {back}
      <header className="customer-header">
        <h1 id="customer-title">{customer.name}</h1>
        <p className="customer-reach">
          {customer.phone && <a href={`tel:${customer.phone}`}>{formatPhone(customer.phone)}</a>}
          {customer.email && <a href={`mailto:${customer.email}`}>{customer.email}</a>}
        </p>
      </header>
      {readOnly && <ClosedBusinessNote tenant={tenant} what="its customer book can no longer be changed" />}
      <div className="customer-layout">
        <div className="customer-column">
          <ContactCard tenantId={tenant.id} customer={customer} readOnly={readOnly} />
          {(assetLabel || assets.length > 0) && <AssetsCard tenantId={tenant.id} customerId={customer.id} assets={assets} label={assetLabel} readOnly={readOnly} />}
        </div>
        <div className="customer-column">
          <UpcomingBookings tenantId={tenant.id} bookings={upcomingBookings} timeZone={timeZone} />
          <CustomerHistory tenantId={tenant.id} entries={history} timeZone={timeZone} />
        </div>
      </div>
    </section>
  );
}
