import { useForm } from 'react-hook-form';
import { FormField } from '../../components/FormField.tsx';
import { initials } from '../../lib/format.ts';
import { bodyResolver } from './body-resolver.ts';
import { onboardingStepInputs, type OnboardingStepInput } from '../../../../domain/inputs/onboarding.ts';
import { StepForm } from './StepForm.tsx';
import { sameNames, useSaveStep, type StepProps } from './use-save-step.ts';

interface BrandingValues {
  primaryColor: string;
  logoUrl: string;
}
type BrandingBody = OnboardingStepInput<'branding'>;

const FIELDS = ['primaryColor', 'logoUrl'] as const;
/** No logo is no field at all, not an empty web address. */
const toBody = ({ primaryColor, logoUrl }: BrandingValues): BrandingBody => ({ primaryColor, ...(logoUrl.trim() ? { logoUrl: logoUrl.trim() } : {}) });
const resolver = bodyResolver<BrandingValues>(onboardingStepInputs.branding, toBody, sameNames(FIELDS), 'primaryColor');

const SWATCHES = ['#2563eb', '#0f766e', '#15803d', '#b45309', '#be123c', '#7c3aed', '#0f172a'];
const isHex = (value: string) => /^#[0-9a-f]{6}$/i.test(value);

/** Step 6: the business's colour and logo, with a swatch of how its website header and buttons look. */
export function BrandingStep({ tenantId, progress, onDone, onBack }: StepProps) {
  const saved: Partial<BrandingBody> = progress.values.branding ?? {};
  const businessName = progress.values.business?.businessName ?? '';
  const { register, handleSubmit, setError, setValue, watch, formState } = useForm<BrandingValues>({
    resolver,
    defaultValues: { primaryColor: saved.primaryColor ?? SWATCHES[0]!, logoUrl: saved.logoUrl ?? '' },
  });
  const { save, formError } = useSaveStep(tenantId, 'branding', setError, sameNames(FIELDS), onDone);
  const { errors, isSubmitting } = formState;
  const color = watch('primaryColor');
  const logoUrl = watch('logoUrl');
  const shown = isHex(color) ? color : SWATCHES[0]!;

  return (
    <StepForm
      title="Your colour and logo"
      intro="Used on your website, booking page and texts' links."
      onSubmit={handleSubmit((values) => save(toBody(values)))}
      busy={isSubmitting}
      formError={formError}
      onBack={onBack}
    >
      <fieldset className="swatches">
        <legend className="field-label">Colour</legend>
        {SWATCHES.map((swatch) => (
          <button key={swatch} type="button" className="swatch" style={{ backgroundColor: swatch }} aria-label={`Use ${swatch}`} aria-pressed={color.toLowerCase() === swatch} onClick={() => setValue('primaryColor', swatch, { shouldDirty: true })} />
        ))}
      </fieldset>
      <FormField id="setup-primaryColor" label="Or your own colour" hint="A hex code, like #2563eb." error={errors.primaryColor?.message}>
        <input type="text" autoCapitalize="none" spellCheck={false} {...register('primaryColor', { setValueAs: (value: string) => value.trim() })} />
      </FormField>
      <FormField id="setup-logoUrl" label="Logo" optional hint="The web address of your logo image (https://…). Skip it and we show your initials." error={errors.logoUrl?.message}>
        <input type="url" inputMode="url" autoCapitalize="none" {...register('logoUrl')} />
      </FormField>
      <div className="brand-preview" data-testid="brand-preview" aria-label="How it looks">
        <div className="brand-preview-bar" style={{ backgroundColor: shown }}>
          {logoUrl.startsWith('https://') ? <img src={logoUrl} alt="" className="brand-preview-logo" referrerPolicy="no-referrer" /> : <span className="brand-preview-initials">{initials(businessName)}</span>}
          <span className="brand-preview-name">{businessName || 'Your business'}</span>
        </div>
        <div className="brand-preview-body">
          <span className="brand-preview-button" style={{ backgroundColor: shown }}>
            Book now
          </span>
        </div>
      </div>
    </StepForm>
  );
}
