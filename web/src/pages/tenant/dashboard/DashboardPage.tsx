import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../api/client.ts';
import { dashboardQuery } from '../../../api/queries.ts';
import type { Dashboard } from '../../../api/types.ts';
import { ListError, ListLoading } from '../../../components/tenant/ListStates.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { todayHeading } from '../../../lib/dashboard-format.ts';
import { LatestCalls, NewVoicemail, WaitingTexts } from './LatestLists.tsx';
import { SetupChecklist } from './SetupChecklist.tsx';
import { TodayTiles } from './TodayTiles.tsx';
import { TextingRegistrationCard } from '../texting/TextingRegistrationCard.tsx';

const clock = (dashboard: Dashboard) => ({ timeZone: dashboard.timeZone, today: dashboard.today.date });

/**
 * The business's home page: what happened today and what needs the owner — calls, new voicemail,
 * texts nobody answered, the account, setup left to do — each leading to where it is handled.
 * One request, refreshed on its own like the lists.
 */
export function DashboardPage() {
  const tenant = useTenant();
  const query = useQuery(dashboardQuery(tenant.id));

  return (
    <section className="dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <div className="page-toolbar">
        <div>
          <h1 id="dashboard-title">Today</h1>
          <p className="muted" data-testid="dashboard-date">
            {query.data ? todayHeading(query.data.today.date) : ' '}
          </p>
        </div>
        <button type="button" className="button button-ghost" onClick={() => void query.refetch()}>
          Refresh
        </button>
      </div>
      {query.isPending && <ListLoading label="Loading your day…" />}
      {query.isError && <ListError title="We couldn't load your day" message={errorMessage(query.error)} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <TodayTiles tenantId={tenant.id} dashboard={query.data} />
          {tenant.status !== 'closed' && <SetupChecklist tenantId={tenant.id} steps={query.data.setup} canManage={tenant.canManage} />}
          {tenant.status !== 'closed' && <TextingRegistrationCard tenantId={tenant.id} canManage={tenant.canManage} />}
          <div className="dashboard-lists">
            <LatestCalls tenantId={tenant.id} calls={query.data.calls} clock={clock(query.data)} />
            <NewVoicemail tenantId={tenant.id} voicemail={query.data.voicemail} clock={clock(query.data)} />
            <WaitingTexts tenantId={tenant.id} texts={query.data.texts} clock={clock(query.data)} />
          </div>
        </>
      )}
    </section>
  );
}
