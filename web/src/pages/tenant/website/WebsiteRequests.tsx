import { useQuery } from '@tanstack/react-query';
import { websiteRequestsQuery } from '../../../api/queries.ts';
import { formatDate, formatPhone } from '../../../lib/format.ts';

/** The latest booking requests sent from the website, with who sent them and how to reach them. */
export function WebsiteRequests({ tenantId }: { tenantId: string }) {
  const query = useQuery(websiteRequestsQuery(tenantId));
  const requests = query.data ?? [];
  return (
    <section className="settings-card website-requests" aria-labelledby="requests-title">
      <h2 id="requests-title">Requests from your website</h2>
      {query.isSuccess && requests.length === 0 && <p className="muted">No requests yet. When someone sends your booking form, it shows here and we text you.</p>}
      <ul className="request-list">
        {requests.map((request) => (
          <li key={request.id} className="request-item" data-testid="website-request">
            <p className="request-who">
              <strong>{request.customer.name}</strong>
              {request.customer.phone && (
                <>
                  {' · '}
                  <a href={`tel:${request.customer.phone}`}>{formatPhone(request.customer.phone)}</a>
                </>
              )}
              <span className="muted"> · {formatDate(request.createdAt)}</span>
            </p>
            <p>
              {request.serviceName ?? 'Service not chosen'}
              {request.preferredTime && ` — ${request.preferredTime}`}
            </p>
            {request.address && <p className="muted">{request.address}</p>}
            {request.message && <p className="request-message">“{request.message}”</p>}
            {request.smsConsent && <p className="muted">Agreed to texts about this request.</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
