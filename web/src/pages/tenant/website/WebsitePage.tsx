import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../api/client.ts';
import { siteQuery } from '../../../api/queries.ts';
import { ListError } from '../../../components/tenant/ListStates.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { WebsiteEditor } from './WebsiteEditor.tsx';
import { WebsiteRequests } from './WebsiteRequests.tsx';

/** `/t/:id/website`: the business's public website — edit it with a live preview, publish it, see its requests. */
export function WebsitePage() {
  const tenant = useTenant();
  const query = useQuery(siteQuery(tenant.id));
  return (
    <section className="website-page" aria-labelledby="website-title">
      <div className="page-toolbar">
        <div>
          <h1 id="website-title">Your website</h1>
          <p className="muted">Your prices, hours and booking form, built from your settings. Change the words and pictures here.</p>
        </div>
      </div>
      <WebsiteRequests tenantId={tenant.id} />
      {query.isPending && <p role="status" className="muted">Loading your website…</p>}
      {query.isError && <ListError title="We couldn't load your website" message={errorMessage(query.error)} onRetry={() => void query.refetch()} />}
      {query.isSuccess && <WebsiteEditor tenant={tenant} site={query.data} />}
    </section>
  );
}
