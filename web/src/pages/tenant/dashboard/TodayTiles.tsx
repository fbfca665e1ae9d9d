import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Dashboard } from '../../../api/types.ts';
import type { Tone } from '../../../lib/billing-format.ts';
import { accountLine, callsLine, plural } from '../../../lib/dashboard-format.ts';

type TileSection = 'calls' | 'voicemails' | 'texts' | 'billing';

/** The day at a glance: four big numbers or words, each a link to where it is dealt with. */
export function TodayTiles({ tenantId, dashboard }: { tenantId: string; dashboard: Dashboard }) {
  const { calls, voicemail, texts, account } = dashboard;
  const plan = accountLine(account);
  return (
    <div className="dashboard-tiles">
      <Tile tenantId={tenantId} section="calls" testId="tile-calls" label="Calls today" value={String(calls.total)} detail={callsLine(calls)} tone={calls.missed > 0 ? 'warning' : 'neutral'} />
      <Tile
        tenantId={tenantId}
        section="voicemails"
        testId="tile-voicemail"
        label="New voicemail"
        value={String(voicemail.unlistened)}
        detail={voicemail.unlistened > 0 ? `${plural(voicemail.unlistened, 'message', 'messages')} to listen to` : 'All listened to'}
        tone={voicemail.unlistened > 0 ? 'info' : 'neutral'}
      />
      <Tile
        tenantId={tenantId}
        section="texts"
        testId="tile-texts"
        label="Texts waiting"
        value={String(texts.waiting)}
        detail={texts.waiting > 0 ? `${plural(texts.waiting, 'customer is', 'customers are')} waiting for an answer` : 'Nobody is waiting'}
        tone={texts.waiting > 0 ? 'info' : 'neutral'}
      />
      <Tile tenantId={tenantId} section="billing" testId="tile-account" label="Your account" value={plan.headline} detail={plan.detail} tone={plan.tone} words />
    </div>
  );
}

interface TileProps {
  tenantId: string;
  section: TileSection;
  testId: string;
  label: string;
  value: string;
  detail: ReactNode;
  tone: Tone;
  /** The value is words, not a number: smaller type. */
  words?: boolean;
}

function Tile({ tenantId, section, testId, label, value, detail, tone, words = false }: TileProps) {
  return (
    <Link className={`dashboard-tile tone-${tone}${words ? ' is-words' : ''}`} to={`/t/$tenantId/${section}`} params={{ tenantId }} data-testid={testId}>
      <span className="dashboard-tile-label">{label}</span>
      <span className={words ? 'dashboard-tile-words' : 'dashboard-tile-number'} data-testid={`${testId}-value`}>
        {value}
      </span>
      <span className="dashboard-tile-detail">{detail}</span>
    </Link>
  );
}
