import { useFormContext } from 'react-hook-form';
import type { OwnerSite } from '../../../api/types.ts';
import { FormField } from '../../../components/FormField.tsx';
import type { SiteFormValues } from './site-form.ts';

/** Elite: the owner's own domain, and the DNS record that points it here (HTTPS is their proxy's job). */
export function DomainCard({ site, disabled }: { site: OwnerSite; disabled: boolean }) {
  const { register, formState } = useFormContext<SiteFormValues>();
  return (
    <fieldset className="settings-card" disabled={disabled || site.customDomainLocked !== null}>
      <legend>Your own domain</legend>
      {site.customDomainLocked ? (
        <p className="muted">{site.customDomainLocked}</p>
      ) : (
        <>
          <FormField id="site-domain" label="Domain" optional hint="For example: www.yourbusiness.com" error={formState.errors.customDomain?.message}>
            <input {...register('customDomain')} autoCapitalize="none" spellCheck={false} />
          </FormField>
          <p className="field-hint">
            At your domain provider, add a <strong>CNAME</strong> record for that name pointing to <code>{site.dnsTarget}</code>. Secure (https) access is set up by whoever runs your
            ServicePro server.
          </p>
        </>
      )}
    </fieldset>
  );
}
