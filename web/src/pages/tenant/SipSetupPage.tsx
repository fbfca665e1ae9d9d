import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { fetchPhoneSettings, savePhoneSettings } from '../../api/tenant-endpoints.ts';
import type { PhoneSettings, PhoneSettingsChanges, TenantSummary } from '../../api/tenant-types.ts';
import { FormField } from '../../components/FormField.tsx';
import { ListError } from '../../components/tenant/ListStates.tsx';
import { QrCode } from '../../components/tenant/QrCode.tsx';
import { useLoad } from '../../lib/use-load.ts';

/** The address a SIP app registers as; the QR code carries it (never the password). */
export function sipAddress(settings: Pick<PhoneSettings, 'sipUsername' | 'sipDomain'>): string | null {
  return settings.sipUsername && settings.sipDomain ? `sip:${settings.sipUsername}@${settings.sipDomain}` : null;
}

/** "Connect your SIP app": answer business calls in a softphone app instead of a forwarded phone. */
export function SipSetupPage({ tenant }: { tenant: TenantSummary }) {
  const { state, reload, setData } = useLoad((signal) => fetchPhoneSettings(tenant.id, signal), [tenant.id]);
  if (state.kind === 'loading') return <p role="status" className="muted">Loading your SIP settings…</p>;
  if (state.kind === 'error') return <ListError title="We couldn't load your SIP settings" message={state.message} onRetry={reload} />;
  const settings = state.data;
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
        <SipCredentialsForm tenant={tenant} settings={settings} onSaved={setData} />
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

function SipCredentialsForm({ tenant, settings, onSaved }: { tenant: TenantSummary; settings: PhoneSettings; onSaved: (s: PhoneSettings) => void }) {
  const [domain, setDomain] = useState(settings.sipDomain ?? '');
  const [username, setUsername] = useState(settings.sipUsername ?? '');
  const [changingPassword, setChangingPassword] = useState(!settings.sipPasswordSet);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const readOnly = !tenant.canManage || !settings.phoneNumber || Boolean(settings.planLocks.sip);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || readOnly) return;
    const changes: PhoneSettingsChanges = {};
    if ((domain.trim() || null) !== settings.sipDomain) changes.sipDomain = domain.trim() || null;
    if ((username.trim() || null) !== settings.sipUsername) changes.sipUsername = username.trim() || null;
    if (changingPassword && password) changes.sipPassword = password;
    setErrors({});
    setFormError(null);
    setNotice(null);
    if (Object.keys(changes).length === 0) {
      setNotice('Nothing to save.');
      return;
    }
    setSaving(true);
    try {
      const updated = await savePhoneSettings(tenant.id, changes);
      onSaved(updated);
      setPassword('');
      setChangingPassword(!updated.sipPasswordSet);
      setNotice('Saved.');
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields);
      setFormError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="settings-card form" onSubmit={onSubmit} noValidate aria-busy={saving}>
      <h2>Your SIP account</h2>
      {!tenant.canManage && <p className="field-hint">Only the business owner can change these.</p>}
      {formError && (
        <div className="form-alert" role="alert">
          {formError}
        </div>
      )}
      <fieldset className="plain-fieldset" disabled={readOnly}>
        <FormField id="sip-domain" label="SIP domain" hint="From your SIP provider, like clean-machine.sip.twilio.com." error={errors.sipDomain}>
          <input name="sipDomain" type="text" autoCapitalize="none" spellCheck={false} placeholder="clean-machine.sip.twilio.com" value={domain} onChange={(event) => setDomain(event.target.value)} />
        </FormField>
        <FormField id="sip-username" label="Username" error={errors.sipUsername}>
          <input name="sipUsername" type="text" autoCapitalize="none" autoComplete="off" spellCheck={false} placeholder="owner" value={username} onChange={(event) => setUsername(event.target.value)} />
        </FormField>
        {changingPassword ? (
          <FormField id="sip-password" label="Password" hint="At least 12 characters, with upper- and lower-case letters and a digit. Stored encrypted; never shown again." error={errors.sipPassword}>
            <input name="sipPassword" type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
          </FormField>
        ) : (
          <div className="form-field">
            <span className="field-label">Password</span>
            <p className="password-set">
              <span data-testid="sip-password-status">Set</span>
              <button type="button" className="link-button as-button" onClick={() => setChangingPassword(true)}>
                Change password
              </button>
            </p>
          </div>
        )}
      </fieldset>
      {!readOnly && (
        <div className="settings-actions">
          <p className="settings-status" role="status" aria-live="polite">
            {notice}
          </p>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save SIP account'}
          </button>
        </div>
      )}
    </form>
  );
}
