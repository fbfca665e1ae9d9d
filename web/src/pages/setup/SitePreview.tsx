import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { sitePreviewQuery } from '../../api/onboarding-queries.ts';

/**
 * The website's front page in the chosen design, as the website generator renders it (with what
 * the business has so far: its name and trade; services and colours arrive when setup finishes).
 * A sandboxed frame: no scripts, no forms, nothing it links to opens in the wizard.
 */
export function SitePreview({ tenantId, template }: { tenantId: string; template: string }) {
  const preview = useQuery(sitePreviewQuery(tenantId, template));
  return (
    <section className="site-preview" aria-labelledby="site-preview-title">
      <h2 id="site-preview-title">Preview</h2>
      {preview.isPending && <p role="status">Drawing your site…</p>}
      {preview.isError && <p className="muted small-text">{errorMessage(preview.error)}</p>}
      {preview.data && <iframe title={`Your website in the ${template} design`} srcDoc={preview.data} sandbox="" loading="lazy" data-testid="site-preview" />}
    </section>
  );
}
