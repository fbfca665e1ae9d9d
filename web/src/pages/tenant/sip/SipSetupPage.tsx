import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../api/client.ts';
import { phoneSettingsQuery } from '../../../api/queries.ts';
import type { PhoneSettings } from '../../../api/types.ts';
import { ListError } from '../../../components/tenant/ListStates.tsx';
import { QrCode } from '../../../components/tenant/QrCode.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { SipCredentialsForm } from './SipCredentialsForm.tsx';

/** The address a SIP app registers as; the QR code carries it (never the password). */
export function sipAddress(settings: Pick<PhoneSettings, 'sipUsername' | 'sipDomain'>): string | null {
  return settings.sipUsername && settings.sipDomain ? `sip:${settings.sipUsername}@${settings.sipDomain}` : null;
}

/** "Connect your SIP app": answer business calls in a softphone app instead of a forwarded phone. */
export function SipSetupPage() {
  const tenant = useTenant();
  const query = useQuery(phoneSettingsQuery(tenant.id));
  if (query.isPending) return <p role="status" className="muted">Loading your SIP settings…</p>;
  if (query.isError) return <ListError title="We couldn't load your SIP settings" message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;
  const settings = query.data;
  const address = sipAddress(settings);

  return (
    <section aria-labelledby="sip-title" className="sip-page">
      <div className="page-toolbar">
        <div>
          <h1 id="sip-title">Connect your SIP app</h1>
          <p className="muted">Answer business calls in an app on your phone or computer, instead of forwarding them to your mobile.</p>
        </div>
      </div>
      {settings.planLocks.sip && (
        <p className="form-notice plan-lock-notice" role="note">
          🔒 {settings.planLocks.sip}
        </p>
      )}

      <div className="sip-grid">
        <SipCredentialsForm tenant={tenant} settings={settings} />
        <div className="settings-card sip-qr-card">
          <h2>Scan to set up</h2>
          {address ? (
            <>
              <QrCode text={address} label={`QR code for ${address}`} />
              <code className="sip-address">{address}</code>
              <p className="field-hint">The code holds your SIP address. Type the password in the app yourself — we never show it.</p>
            </>
          ) : (
            <p className="muted">Fill in the SIP domain and username to get a QR code.</p>
          )}
        </div>
      </div>

      <div className="settings-card">
        <h2>Step by step</h2>
        <ol className="steps">
          <li>Install a SIP app, such as Linphone, Zoiper or Groundwire, on your phone or computer.</li>
          <li>In the app, add a new SIP account. If it can scan a QR code, scan the one above; otherwise type it in.</li>
          <li>
            Enter <strong>{settings.sipUsername ?? 'your username'}</strong> as the username and <strong>{settings.sipDomain ?? 'your SIP domain'}</strong> as the domain (also called server or
            registrar).
          </li>
          <li>Enter the password you set here. {settings.sipPasswordSet ? 'A password is set.' : 'Set one first, on the left.'}</li>
          <li>Save. The app should say “registered” or show a green dot.</li>
          <li>With “Talk to a person” (press 2) or call forwarding, your business calls now ring in the app. Try it with a test call.</li>
        </ol>
      </div>
    </section>
  );
}
