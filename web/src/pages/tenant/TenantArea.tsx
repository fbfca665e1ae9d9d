import type { User } from '../../api/types.ts';
import { TENANT_SECTIONS, TenantShell } from '../../components/tenant/TenantShell.tsx';
import { Link } from '../../lib/router.ts';
import { BillingPage } from './BillingPage.tsx';
import { CallLogPage } from './CallLogPage.tsx';
import { ExportsPage } from './ExportsPage.tsx';
import { CallSimulatorPage } from './CallSimulatorPage.tsx';
import { PhoneSettingsPage } from './PhoneSettingsPage.tsx';
import { SipSetupPage } from './SipSetupPage.tsx';
import { TextsPage } from './TextsPage.tsx';
import { VoicemailPage } from './VoicemailPage.tsx';

/** `/t/:tenantId/:section`: one business's own area, for its members and the platform owner. */
export function TenantArea({ user, onSignOut, tenantId, section }: { user: User; onSignOut: () => void; tenantId: string; section: string }) {
  return (
    <TenantShell user={user} onSignOut={onSignOut} tenantId={tenantId} section={section}>
      {(tenant, reloadTenant) => {
        switch (section) {
          case 'calls':
            return <CallLogPage tenant={tenant} />;
          case 'voicemails':
            return <VoicemailPage tenant={tenant} />;
          case 'texts':
            return <TextsPage tenant={tenant} />;
          case 'phone':
            return <PhoneSettingsPage tenant={tenant} />;
          case 'sip':
            return <SipSetupPage tenant={tenant} />;
          case 'simulator':
            return <CallSimulatorPage tenant={tenant} />;
          case 'billing':
            return <BillingPage tenant={tenant} onTenantChanged={reloadTenant} />;
          case 'exports':
            return <ExportsPage tenant={tenant} />;
          default:
            return (
              <section className="state-panel">
                <h1>We couldn't find that page</h1>
                <p>Pick one of: {TENANT_SECTIONS.map((s) => s.label).join(', ')}.</p>
                <Link className="button button-primary" to={`/t/${tenantId}/calls`}>
                  Go to calls
                </Link>
              </section>
            );
        }
      }}
    </TenantShell>
  );
}
