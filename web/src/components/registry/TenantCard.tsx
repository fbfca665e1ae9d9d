import { Link } from '@tanstack/react-router';
import type { Tenant } from '../../api/types.ts';
import { brandColor, formatDate, formatPhone, initials } from '../../lib/format.ts';
import { industryLabel } from '../../lib/industries.ts';
import { ShieldIcon } from '../ShieldIcon.tsx';
import { StatusPill } from '../StatusPill.tsx';
import { TierBadge } from '../TierBadge.tsx';

interface TenantCardProps {
  tenant: Tenant;
  highlighted?: boolean;
  onEdit?: (tenant: Tenant) => void;
  onClose?: (tenant: Tenant) => void;
  onReopen?: (tenant: Tenant) => void;
  onViewAs?: (tenant: Tenant) => void;
  onInviteOwner?: (tenant: Tenant) => void;
}

export function TenantCard({ tenant, highlighted = false, onEdit, onClose, onReopen, onViewAs, onInviteOwner }: TenantCardProps) {
  const titleId = `tenant-${tenant.id}-name`;
  const color = brandColor(tenant);
  const classes = ['tenant-card'];
  if (tenant.isRoot) classes.push('is-root');
  if (tenant.status === 'closed') classes.push('is-closed');
  if (highlighted) classes.push('is-new');
  // Closed tenants can no longer be changed (only reopened while their data is kept); root is never closed.
  const closed = Boolean(tenant.closedAt) || tenant.status === 'closed';
  const canEdit = !closed && onEdit;
  const canClose = !closed && !tenant.isRoot && onClose;
  const canReopen = closed && !tenant.purgedAt && onReopen;
  // The platform owner already is root's owner: viewing it "as its owner" would show nothing new.
  const canViewAs = !tenant.isRoot && onViewAs;
  const canInviteOwner = !closed && !tenant.isRoot && onInviteOwner;

  return (
    <article className={classes.join(' ')} aria-labelledby={titleId} data-tenant-id={tenant.id} data-testid="tenant-card">
      <header className="tenant-card-header">
        <div className="tenant-avatar" style={color ? { backgroundColor: color } : undefined} aria-hidden="true">
          {tenant.logoUrl ? <img src={tenant.logoUrl} alt="" /> : initials(tenant.businessName)}
        </div>
        <div className="tenant-heading">
          <h2 id={titleId} className="tenant-name">
            {tenant.isRoot && <ShieldIcon title="Root tenant" />}
            <span>{tenant.businessName}</span>
          </h2>
          <code className="tenant-id" title="Tenant id">
            {tenant.id}
          </code>
        </div>
      </header>

      <div className="tenant-badges">
        {tenant.isRoot && (
          <span className="root-badge">
            <ShieldIcon size={14} />
            Root/Flagship
          </span>
        )}
        <TierBadge tier={tenant.tier} />
        <StatusPill status={tenant.status} />
      </div>

      <dl className="tenant-facts">
        <div>
          <dt>Phone</dt>
          <dd>{tenant.phoneNumber ? <a href={`tel:${tenant.phoneNumber}`}>{formatPhone(tenant.phoneNumber)}</a> : <span className="muted">No number yet</span>}</dd>
        </div>
        {tenant.industry && (
          <div>
            <dt>Industry</dt>
            <dd>{industryLabel(tenant.industry)}</dd>
          </div>
        )}
        <div>
          <dt>Created</dt>
          <dd>
            <time dateTime={tenant.createdAt}>{formatDate(tenant.createdAt)}</time>
          </dd>
        </div>
        {!tenant.isRoot && tenant.status === 'trialing' && tenant.billing?.trialEndsAt && (
          <div>
            <dt>Trial ends</dt>
            <dd data-testid="trial-ends">
              <time dateTime={tenant.billing.trialEndsAt}>{formatDate(tenant.billing.trialEndsAt)}</time>
            </dd>
          </div>
        )}
        {!tenant.isRoot && tenant.status !== 'closed' && (
          <div>
            <dt>Card</dt>
            <dd>{tenant.billing?.hasPaymentMethod ? 'On file' : <span className="muted">None yet</span>}</dd>
          </div>
        )}
        {tenant.isRoot && (
          <div>
            <dt>Billing</dt>
            <dd className="muted">Not billed</dd>
          </div>
        )}
        {tenant.closedAt && (
          <div>
            <dt>Closed</dt>
            <dd>
              <time dateTime={tenant.closedAt}>{formatDate(tenant.closedAt)}</time>
            </dd>
          </div>
        )}
        {tenant.purgedAt && (
          <div>
            <dt>Data deleted</dt>
            <dd title="After the retention window; the final export is kept for the owner.">
              <time dateTime={tenant.purgedAt}>{formatDate(tenant.purgedAt)}</time> · final export kept
            </dd>
          </div>
        )}
      </dl>

      <footer className="tenant-card-actions">
        <span className="card-links">
          <Link className="link-button" to="/t/$tenantId" params={{ tenantId: tenant.id }}>
            Open
            <span className="visually-hidden"> {tenant.businessName}</span>
          </Link>
          <Link className="link-button" to="/t/$tenantId/billing" params={{ tenantId: tenant.id }}>
            Billing
            <span className="visually-hidden"> of {tenant.businessName}</span>
          </Link>
        </span>
        {tenant.temporalLinks && (
          <span className="card-links temporal-links">
            <a className="link-button" href={tenant.temporalLinks.billingWorkflow} target="_blank" rel="noopener noreferrer" data-testid="billing-workflow-link">
              Billing workflow
              <span className="visually-hidden"> of {tenant.businessName} in Temporal (opens in a new tab)</span>
              <span aria-hidden="true"> ↗</span>
            </a>
            <a className="link-button" href={tenant.temporalLinks.allWorkflows} target="_blank" rel="noopener noreferrer" data-testid="all-workflows-link">
              All workflows
              <span className="visually-hidden"> of {tenant.businessName} in Temporal (opens in a new tab)</span>
              <span aria-hidden="true"> ↗</span>
            </a>
          </span>
        )}
        {(canEdit || canClose || canReopen || canViewAs || canInviteOwner) && (
          <span className="card-buttons">
            {canViewAs && (
              <button type="button" className="button button-ghost" onClick={() => onViewAs(tenant)}>
                View as owner
                <span className="visually-hidden"> of {tenant.businessName}</span>
              </button>
            )}
            {canInviteOwner && (
              <button type="button" className="button button-ghost" onClick={() => onInviteOwner(tenant)}>
                Invite owner
                <span className="visually-hidden"> of {tenant.businessName}</span>
              </button>
            )}
            {canEdit && (
              <button type="button" className="button button-ghost" onClick={() => onEdit(tenant)}>
                Edit
                <span className="visually-hidden"> {tenant.businessName}</span>
              </button>
            )}
            {canClose && (
              <button type="button" className="button button-ghost button-danger" onClick={() => onClose(tenant)}>
                Close tenant
                <span className="visually-hidden"> {tenant.businessName}</span>
              </button>
            )}
            {canReopen && (
              <button type="button" className="button button-ghost" onClick={() => onReopen(tenant)}>
                Reopen
                <span className="visually-hidden"> {tenant.businessName}</span>
              </button>
            )}
          </span>
        )}
      </footer>
    </article>
  );
}
