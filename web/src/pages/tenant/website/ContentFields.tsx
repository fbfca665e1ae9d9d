import { useFieldArray, useFormContext, type FieldError } from 'react-hook-form';
import { SITE_SECTIONS } from '../../../../../domain/sites/content.ts';
import { FormField } from '../../../components/FormField.tsx';
import type { SiteFormValues } from './site-form.ts';

// The owner's words and pictures, card by card. Left blank, a text shows the industry pack's copy.

const PACK_HINT = 'Leave it empty to use the suggested text for your trade.';

function useErrors() {
  const { formState } = useFormContext<SiteFormValues>();
  return (path: string): string | undefined => {
    const error = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], formState.errors) as FieldError | undefined;
    return error?.message;
  };
}

export function TextsCard({ disabled }: { disabled: boolean }) {
  const { register } = useFormContext<SiteFormValues>();
  const error = useErrors();
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>Your words</legend>
      <FormField id="site-headline" label="Headline" optional hint={PACK_HINT} error={error('content.headline')}>
        <input {...register('content.headline')} maxLength={90} />
      </FormField>
      <FormField id="site-tagline" label="Tagline" optional error={error('content.tagline')}>
        <input {...register('content.tagline')} maxLength={160} />
      </FormField>
      <FormField id="site-about" label="About your business" optional hint={PACK_HINT} error={error('content.about')}>
        <textarea {...register('content.about')} rows={5} maxLength={1500} />
      </FormField>
      <FormField id="site-cta" label="Booking button text" optional error={error('content.callToAction')}>
        <input {...register('content.callToAction')} maxLength={40} />
      </FormField>
      <FormField id="site-area" label="Where you work" optional hint="For example: Tulsa, Broken Arrow and Jenks" error={error('content.serviceArea')}>
        <input {...register('content.serviceArea')} maxLength={200} />
      </FormField>
      <FormField id="site-email" label="Email shown on the site" optional error={error('content.contactEmail')}>
        <input type="email" {...register('content.contactEmail')} maxLength={254} />
      </FormField>
      <FormField id="site-address" label="Street address" optional hint="Only if customers come to you." error={error('content.address')}>
        <input {...register('content.address')} maxLength={200} />
      </FormField>
    </fieldset>
  );
}

export function PhotosCard({ disabled }: { disabled: boolean }) {
  const { register, control } = useFormContext<SiteFormValues>();
  const photos = useFieldArray({ control, name: 'content.photos' });
  const error = useErrors();
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>Photos</legend>
      <p className="field-hint">Web addresses of your photos (https://…), for example from your Google Business profile or Instagram.</p>
      {photos.fields.map((item, index) => (
        <div key={item.id} className="repeat-row">
          <FormField id={`photo-url-${index}`} label={`Photo ${index + 1} address`} error={error(`content.photos.${index}.url`)}>
            <input type="url" {...register(`content.photos.${index}.url`)} />
          </FormField>
          <FormField id={`photo-alt-${index}`} label="What it shows" error={error(`content.photos.${index}.alt`)}>
            <input {...register(`content.photos.${index}.alt`)} maxLength={120} />
          </FormField>
          <button type="button" className="button button-ghost" onClick={() => photos.remove(index)}>
            Remove photo {index + 1}
          </button>
        </div>
      ))}
      {photos.fields.length < 12 && (
        <button type="button" className="button button-ghost" onClick={() => photos.append({ url: '', alt: '' })}>
          Add a photo
        </button>
      )}
    </fieldset>
  );
}

export function ReviewsCard({ disabled }: { disabled: boolean }) {
  const { register, control } = useFormContext<SiteFormValues>();
  const reviews = useFieldArray({ control, name: 'content.testimonials' });
  const error = useErrors();
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>Reviews</legend>
      <p className="field-hint">What customers said about you, in their words, with the name they are happy to show.</p>
      {reviews.fields.map((item, index) => (
        <div key={item.id} className="repeat-row">
          <FormField id={`review-name-${index}`} label={`Review ${index + 1}: name`} error={error(`content.testimonials.${index}.name`)}>
            <input {...register(`content.testimonials.${index}.name`)} maxLength={60} />
          </FormField>
          <FormField id={`review-quote-${index}`} label="What they said" error={error(`content.testimonials.${index}.quote`)}>
            <textarea {...register(`content.testimonials.${index}.quote`)} rows={3} maxLength={500} />
          </FormField>
          <FormField id={`review-rating-${index}`} label="Stars" optional error={error(`content.testimonials.${index}.rating`)}>
            <select {...register(`content.testimonials.${index}.rating`)}>
              <option value="">No rating</option>
              {[5, 4, 3, 2, 1].map((stars) => (
                <option key={stars} value={String(stars)}>
                  {stars} {stars === 1 ? 'star' : 'stars'}
                </option>
              ))}
            </select>
          </FormField>
          <button type="button" className="button button-ghost" onClick={() => reviews.remove(index)}>
            Remove review {index + 1}
          </button>
        </div>
      ))}
      {reviews.fields.length < 12 && (
        <button type="button" className="button button-ghost" onClick={() => reviews.append({ name: '', quote: '', rating: '5' })}>
          Add a review
        </button>
      )}
    </fieldset>
  );
}

export function SectionsCard({ disabled }: { disabled: boolean }) {
  const { register } = useFormContext<SiteFormValues>();
  return (
    <fieldset className="settings-card" disabled={disabled}>
      <legend>Show these sections</legend>
      <div className="check-grid">
        {Object.entries(SITE_SECTIONS).map(([id, label]) => (
          <label key={id} className="check-option">
            <input type="checkbox" value={id} {...register('shown')} /> {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
