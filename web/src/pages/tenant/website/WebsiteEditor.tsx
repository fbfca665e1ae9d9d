import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { saveSite } from '../../../api/endpoints.ts';
import { keys } from '../../../api/queries.ts';
import type { OwnerSite, SiteUpdateInput, TenantSummary } from '../../../api/types.ts';
import { ClosedBusinessNote, isClosed } from '../../../components/tenant/ClosedBusinessNote.tsx';
import { showApiError } from '../../../lib/api-form-errors.ts';
import { apiSchemaResolver } from '../../../lib/form-resolver.ts';
import { PhotosCard, ReviewsCard, SectionsCard, TextsCard } from './ContentFields.tsx';
import { DomainCard } from './DomainCard.tsx';
import { contentOf, formValues, siteChanges, siteForm, type CheckedSiteForm, type SiteFormValues } from './site-form.ts';
import { SitePreview } from './SitePreview.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';

/** Publish state, template, words, photos, reviews and sections, with a live preview beside them. */
export function WebsiteEditor({ tenant, site }: { tenant: TenantSummary; site: OwnerSite }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<SiteFormValues, unknown, CheckedSiteForm>({ resolver: apiSchemaResolver(siteForm), defaultValues: formValues(site), mode: 'onChange' });
  const save = useMutation({
    mutationFn: (changes: SiteUpdateInput) => saveSite(tenant.id, changes),
    onSuccess: (updated) => queryClient.setQueryData(keys.site(tenant.id), updated),
  });
  const readOnly = !tenant.canManage || isClosed(tenant);
  useEffect(() => form.reset(formValues(site), { keepDirtyValues: true }), [site, form]);

  const values = useWatch({ control: form.control }) as SiteFormValues;
  const checked = siteForm.safeParse(values);
  const previewContent = checked.success ? contentOf(checked.data) : null;
  const chosen = locked(site, values.template);

  const onSubmit = form.handleSubmit(
    async (valid) => {
      setFormError(null);
      try {
        form.reset(formValues(await save.mutateAsync(siteChanges(valid, site))));
        setNotice(site.published ? 'Saved. Your website shows the changes now.' : 'Saved. Publish your website when you are ready.');
      } catch (error) {
        setFormError(showApiError(error, form.setError, (name) => name === 'template' || name === 'customDomain' || name.startsWith('content.')) ?? (error as Error).message);
      }
    },
    () => setFormError('Please fix the highlighted fields.'),
  );
  const togglePublished = async () => {
    setFormError(null);
    try {
      const updated = await save.mutateAsync({ published: !site.published });
      setNotice(updated.published ? 'Your website is live.' : 'Your website is offline. Visitors see a “not found” page.');
    } catch (error) {
      setFormError((error as Error).message);
    }
  };

  return (
    <FormProvider {...form}>
      {isClosed(tenant) && <ClosedBusinessNote tenant={tenant} what="its website is offline and can no longer be changed" />}
      <div className="settings-card site-status" data-testid="site-status">
        <p>
          <span className={`status-pill ${site.published ? 'status-active' : 'status-suspended'}`}>{site.published ? 'Published' : 'Not published'}</span>{' '}
          <a href={site.url} target="_blank" rel="noreferrer">
            {site.url}
          </a>
        </p>
        {site.template !== site.effectiveTemplate && <p className="muted">Your plan shows the Classic template until you upgrade again; your choice is kept.</p>}
        {!readOnly && (
          <button type="button" className={`button ${site.published ? 'button-ghost' : 'button-primary'}`} onClick={() => void togglePublished()} disabled={save.isPending}>
            {site.published ? 'Unpublish' : 'Publish my website'}
          </button>
        )}
      </div>
      <div className="website-layout">
        <form className="settings-form" onSubmit={(event) => void onSubmit(event)} noValidate>
          <TemplatePicker templates={site.templates} field={form.register('template')} chosen={values.template} disabled={readOnly} />
          <TextsCard disabled={readOnly} />
          <PhotosCard disabled={readOnly} />
          <ReviewsCard disabled={readOnly} />
          <SectionsCard disabled={readOnly} />
          <DomainCard site={site} disabled={readOnly} />
          {formError && (
            <p className="form-alert" role="alert">
              {formError}
            </p>
          )}
          {notice && !form.formState.isDirty && (
            <p className="form-notice" role="status">
              {notice}
            </p>
          )}
          {!readOnly && (
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={save.isPending || chosen !== null}>
                {save.isPending ? 'Saving…' : 'Save changes'}
              </button>
              {chosen && <p className="muted">{chosen}</p>}
            </div>
          )}
        </form>
        <SitePreview tenantId={tenant.id} template={values.template} content={previewContent} />
      </div>
    </FormProvider>
  );
}

/** Why the chosen template cannot be saved on this plan, or null. */
const locked = (site: OwnerSite, template: string) => site.templates.find((t) => t.id === template)?.locked ?? null;
