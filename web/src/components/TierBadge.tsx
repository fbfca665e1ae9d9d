import type { Tier } from '../api/types.ts';
import { tierLabel } from '../lib/format.ts';

export function TierBadge({ tier }: { tier: Tier }) {
  return (
    <span className={`tier-badge tier-${tier}`} data-tier={tier} title={`${tierLabel(tier)} plan`}>
      {tierLabel(tier)}
    </span>
  );
}
