import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { TenantSummary } from '../../api/types.ts';
import type { Tone } from '../../lib/billing-format.ts';
import { accountBanner } from '../../lib/tenant-banners.ts';

/**
 * The banners across the top of every page of a business, in one place: the account's (closed,
 * paused, payment failed, trial ending) and any other a caller passes as children (e.g. a
 * "viewing as the owner" notice), which come first. Each banner is a `<Banner>`.
 */
export function TenantBanners({ tenant, section, children }: { tenant: TenantSummary; section: string | undefined; children?: ReactNode }) {
  const account = accountBanner(tenant);
  // The billing page tells the billing story itself; a closed business says so everywhere.
  const showAccount = account && !(account.billing && section === 'billing');
  if (!showAccount && !children) return null;
  return (
    <div className="tenant-banners" data-testid="tenant-banners">
      {children}
      {showAccount && (
        <Banner tone={account.tone} testId="account-banner" status={account.kind} urgent={account.tone === 'danger' || account.tone === 'warning'}>
          <p>
            <strong>{account.title}</strong> {account.detail}
          </p>
          <span className="account-banner-links">
            {account.links.map((link, index) => (
              <Link key={link.section} className={`button ${index === 0 ? 'button-primary' : 'button-ghost'}`} to={`/t/$tenantId/${link.section}`} params={{ tenantId: tenant.id }}>
                {link.label}
              </Link>
            ))}
          </span>
        </Banner>
      )}
    </div>
  );
}

/** One banner: a coloured strip with its words and links. `urgent` ones are announced at once (role="alert"). */
export function Banner({ tone, testId, status, urgent = false, children }: { tone: Tone; testId: string; status?: string; urgent?: boolean; children: ReactNode }) {
  return (
    <div className={`account-banner tone-${tone}`} role={urgent ? 'alert' : 'status'} data-testid={testId} data-status={status}>
      {children}
    </div>
  );
}
