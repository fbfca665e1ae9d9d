import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { bookingSettingsQuery, resourcesQuery, servicesQuery } from '../../../api/booking-queries.ts';
import type { Resource, Service } from '../../../api/booking-types.ts';
import { errorMessage } from '../../../api/client.ts';
import { formatMoney } from '../../../lib/billing-format.ts';
import { ClosedBusinessNote, isClosed } from '../../../components/tenant/ClosedBusinessNote.tsx';
import { ListError, ListLoading } from '../../../components/tenant/ListStates.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { BookingRulesCard } from './BookingRulesCard.tsx';
import { KIND_LABELS, ResourceDialog } from './ResourceDialog.tsx';
import { ServiceDialog } from './ServiceDialog.tsx';
import { durationLabel, weekSummary } from './setup-format.ts';
import { TimeOffPanel } from './TimeOffPanel.tsx';

type Editing = { kind: 'service'; service: Service | null } | { kind: 'resource'; resource: Resource | null } | null;

/** What customers can book and who does it: services, the team and vans with their hours and time off, and the booking rules. */
export function ServicesPage() {
  const tenant = useTenant();
  const services = useQuery(servicesQuery(tenant.id));
  const resources = useQuery(resourcesQuery(tenant.id));
  const settings = useQuery(bookingSettingsQuery(tenant.id));
  const [editing, setEditing] = useState<Editing>(null);
  const readOnly = !tenant.canManage || isClosed(tenant);

  const failed = [services, resources, settings].find((q) => q.isError);
  if (failed) return <ListError title="We couldn't load your services" message={errorMessage(failed.error)} onRetry={() => [services, resources, settings].forEach((q) => void q.refetch())} />;
  if (!services.data || !resources.data || !settings.data) return <ListLoading label="Loading your services…" />;

  const team = resources.data;
  const depositsEnabled = settings.data.depositsEnabled;
  const whoDoes = (service: Service) => (service.resourceIds.length === 0 ? 'Anyone on the team' : team.filter((r) => service.resourceIds.includes(r.id)).map((r) => r.name).join(', '));

  return (
    <section aria-labelledby="services-title" className="setup-page settings-form">
      <h1 id="services-title">Services &amp; hours</h1>
      {isClosed(tenant) && <ClosedBusinessNote tenant={tenant} what="its services and hours can no longer be changed" />}
      {!tenant.canManage && !isClosed(tenant) && (
        <p className="form-notice" role="note">
          Only the business owner can change these. You can see them here.
        </p>
      )}

      <section className="settings-card" aria-labelledby="services-list-title" data-testid="services-card">
        <div className="setup-card-head">
          <h2 id="services-list-title">Services</h2>
          {!readOnly && (
            <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'service', service: null })}>
              Add a service
            </button>
          )}
        </div>
        <p className="field-hint">What customers can book, how long each takes and what it costs.</p>
        {services.data.length === 0 ? (
          <p className="muted">No services yet. Add the jobs you do, so customers can book them.</p>
        ) : (
          <ul className="setup-list">
            {services.data.map((service) => (
              <li key={service.id} data-service-id={service.id} className={service.active ? undefined : 'is-off'}>
                <div className="setup-item-main">
                  <strong>{service.name}</strong>
                  {!service.active && <span className="status-pill setup-off">Not bookable</span>}
                  <span className="muted small-text">
                    {durationLabel(service.durationMin)} · {formatMoney(service.priceCents)}
                    {depositsEnabled && service.depositCents > 0 && ` · ${formatMoney(service.depositCents)} deposit`} · {whoDoes(service)}
                  </span>
                </div>
                {!readOnly && (
                  <button type="button" className="button button-ghost" onClick={() => setEditing({ kind: 'service', service })}>
                    Edit<span className="visually-hidden"> {service.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="settings-card" aria-labelledby="team-title" data-testid="team-card">
        <div className="setup-card-head">
          <h2 id="team-title">Team &amp; vans</h2>
          {!readOnly && (
            <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'resource', resource: null })}>
              Add someone
            </button>
          )}
        </div>
        <p className="field-hint">
          The people and vans that do the jobs. Each one can be booked once at a time. “Same as business hours” follows the hours on{' '}
          <Link to="/t/$tenantId/phone" params={{ tenantId: tenant.id }}>
            Phone settings
          </Link>
          .
        </p>
        <ul className="setup-list setup-team">
          {team.map((resource) => (
            <li key={resource.id} data-resource-id={resource.id} className={resource.active ? undefined : 'is-off'}>
              <div className="setup-item-row">
                <div className="setup-item-main">
                  <strong>{resource.name}</strong>
                  <span className="muted small-text">
                    {KIND_LABELS[resource.kind]} · {weekSummary(resource.weeklyHours)}
                  </span>
                  {!resource.active && <span className="status-pill setup-off">Not taking bookings</span>}
                </div>
                {!readOnly && (
                  <button type="button" className="button button-ghost" onClick={() => setEditing({ kind: 'resource', resource })}>
                    Edit<span className="visually-hidden"> {resource.name}</span>
                  </button>
                )}
              </div>
              <TimeOffPanel tenantId={tenant.id} timeZone={tenant.timeZone} resource={resource} readOnly={readOnly} />
            </li>
          ))}
        </ul>
      </section>

      <BookingRulesCard tenantId={tenant.id} saved={settings.data} readOnly={readOnly} />

      {editing?.kind === 'service' && <ServiceDialog tenantId={tenant.id} service={editing.service} resources={team} depositsEnabled={depositsEnabled} onClose={() => setEditing(null)} />}
      {editing?.kind === 'resource' && <ResourceDialog tenantId={tenant.id} resource={editing.resource} onClose={() => setEditing(null)} />}
    </section>
  );
}
