import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useEffect, useState } from 'react';
import { toast } from 'sonner';
import { customerKeys, customersQuery } from '../../../api/customer-queries.ts';
import type { Customer, CustomerListEntry } from '../../../api/types.ts';
import { isClosed } from '../../../components/tenant/ClosedBusinessNote.tsx';
import { LiveList } from '../../../components/tenant/LiveList.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { lastContactLabel } from '../../../lib/customer-format.ts';
import { formatPhone } from '../../../lib/format.ts';
import { AddCustomerDialog } from './AddCustomerDialog.tsx';

/** Typing waits this long before the URL (and so the list) follows, as in the registry. */
const TYPING_PAUSE_MS = 300;

/** The customer book: everyone the business deals with, most recently in touch first, searched from the URL. */
export function CustomersPage() {
  const tenant = useTenant();
  const { q = '' } = useSearch({ from: '/signed-in/t/$tenantId/customers' });
  const navigate = useNavigate({ from: '/t/$tenantId/customers' });
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(customersQuery(tenant.id, q));
  const [adding, setAdding] = useState(false);
  const closed = isClosed(tenant);
  const search = useCallback((next: string) => void navigate({ search: next ? { q: next } : {}, replace: true }), [navigate]);

  const onAdded = (customer: Customer) => {
    setAdding(false);
    toast.success(`${customer.name} was added.`);
    void queryClient.invalidateQueries({ queryKey: customerKeys.all(tenant.id) });
    void navigate({ to: '/t/$tenantId/customers/$customerId', params: { tenantId: tenant.id, customerId: customer.id } });
  };

  const empty = q
    ? {
        title: 'No one matches',
        body: <p>Nobody in your customer book has “{q}” in their name, number or email. Try part of the name or the last digits of the number.</p>,
      }
    : {
        title: 'Your customer book is empty',
        body: (
          <>
            <p>
              Everyone who books, asks on your website or texts your business number is added here on their own — with their calls, texts, bookings and
              notes in one place. Add your regulars yourself too.
            </p>
            {!closed && (
              <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
                Add customer
              </button>
            )}
          </>
        ),
      };

  return (
    <section aria-labelledby="customers-title" className="customers-page">
      <div className="page-toolbar">
        <div>
          <h1 id="customers-title">Customers</h1>
          <p className="muted">Who they are, how to reach them, and every call, text and booking.</p>
        </div>
        {!closed && (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            Add customer
          </button>
        )}
      </div>
      <CustomerSearchBox q={q} onSearch={search} />
      <LiveList query={query} noun="customers" empty={empty} moreLabel="Show more">
        {(customers) => <CustomerRows tenantId={tenant.id} customers={customers} />}
      </LiveList>
      {adding && <AddCustomerDialog tenantId={tenant.id} initialName={/\d/.test(q) ? '' : q} onClose={() => setAdding(false)} onAdded={onAdded} />}
    </section>
  );
}

function CustomerSearchBox({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(q);
  // The URL wins when it changes from elsewhere (the back button, a link).
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => onSearch(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, q, onSearch]);

  return (
    <form
      className="customer-search"
      role="search"
      aria-label="Find a customer"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor="customer-q" className="visually-hidden">
        Search customers
      </label>
      <input id="customer-q" type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="Name, phone number or email" autoComplete="off" maxLength={200} />
    </form>
  );
}

function CustomerRows({ tenantId, customers }: { tenantId: string; customers: CustomerListEntry[] }) {
  return (
    <ul className="record-list customer-list" data-testid="customer-list">
      {customers.map((customer) => (
        <li key={customer.id} data-customer-id={customer.id}>
          <Link className="customer-row" to="/t/$tenantId/customers/$customerId" params={{ tenantId, customerId: customer.id }}>
            <span className="record-main">
              <strong className="customer-row-name">{customer.name}</strong>
              <span className="muted small-text customer-row-contact">
                {customer.phone ? formatPhone(customer.phone) : 'No number'}
                {customer.email && <span> · {customer.email}</span>}
              </span>
            </span>
            <span className="customer-row-meta">
              <span className="small-text" data-testid="last-contact">
                {customer.lastContactAt ? (
                  <>
                  <span className="muted">Last contact </span>
                  <time dateTime={customer.lastContactAt} title={new Date(customer.lastContactAt).toLocaleString()}>
                    {lastContactLabel(customer.lastContactAt)}
                  </time>
                  </>
                ) : (
                  <span className="muted">{lastContactLabel(null)}</span>
                )}
              </span>
              {customer.upcomingBookings > 0 && <span className="upcoming-badge">{customer.upcomingBookings === 1 ? '1 booking coming up' : `${customer.upcomingBookings} bookings coming up`}</span>}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
