import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { REGISTRATION_STATES, TENANT_STATUSES, TIERS, type RegistryQuery } from '../../api/types.ts';
import { STATE_LABELS } from '../../../../domain/carrier-registration/states.ts';
import { statusLabel, tierLabel } from '../../lib/format.ts';
import { isFiltered, SORT_CHOICES, sortChoiceOf } from '../../lib/registry-search.ts';
import { Toggle } from '../Toggle.tsx';

const TRIAL_WINDOWS = [7, 14, 30];
/** Typing waits this long before the URL (and so the list) follows. */
const TYPING_PAUSE_MS = 300;

interface RegistryFiltersProps {
  query: RegistryQuery;
  /** Changes to the query; any change but paging goes back to the first page. */
  onChange: (changes: Partial<RegistryQuery>) => void;
}

/** Search, plan, status, trial ending, sort and "show closed": every one kept in the page's URL. */
export function RegistryFilters({ query, onChange }: RegistryFiltersProps) {
  const [text, setText] = useState(query.q ?? '');
  // The URL wins when it changes from elsewhere (back button, a summary link).
  useEffect(() => setText(query.q ?? ''), [query.q]);
  useEffect(() => {
    if (text.trim() === (query.q ?? '')) return;
    const timer = setTimeout(() => onChange({ q: text.trim() || undefined }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, query.q, onChange]);

  return (
    <form
      className="registry-filters"
      role="search"
      aria-label="Find businesses"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ q: text.trim() || undefined });
      }}
    >
      <div className="filter-field filter-search">
        <label htmlFor="registry-q">Search</label>
        <input id="registry-q" type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="Name, id, phone or owner email" autoComplete="off" maxLength={120} />
      </div>
      <div className="filter-field">
        <label htmlFor="registry-tier">Plan</label>
        <select id="registry-tier" value={query.tier ?? ''} onChange={(event) => onChange({ tier: (event.target.value || undefined) as RegistryQuery['tier'] })}>
          <option value="">Every plan</option>
          {TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {tierLabel(tier)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="registry-status">Status</label>
        <select id="registry-status" value={query.status ?? ''} onChange={(event) => onChange({ status: (event.target.value || undefined) as RegistryQuery['status'], pastDue: undefined })}>
          <option value="">Every status</option>
          {TENANT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="registry-texting">Texting</label>
        <select id="registry-texting" value={query.texting ?? ''} onChange={(event) => onChange({ texting: (event.target.value || undefined) as RegistryQuery['texting'] })}>
          <option value="">Any registration</option>
          {REGISTRATION_STATES.map((state) => (
            <option key={state} value={state}>
              {STATE_LABELS[state]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="registry-trial">Trial ending</label>
        <select id="registry-trial" value={query.trialEndingDays ?? ''} onChange={(event) => onChange({ trialEndingDays: event.target.value ? Number(event.target.value) : undefined })}>
          <option value="">Any time</option>
          {TRIAL_WINDOWS.map((days) => (
            <option key={days} value={days}>
              Within {days} days
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="registry-sort">Sort</label>
        <select
          id="registry-sort"
          value={sortChoiceOf(query)}
          onChange={(event) => {
            const choice = SORT_CHOICES.find((entry) => entry.value === event.target.value);
            if (choice) onChange({ sort: choice.sort, dir: choice.dir });
          }}
        >
          {SORT_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-row">
        <Toggle label="Show closed" checked={query.includeClosed ?? false} onCheckedChange={(includeClosed) => onChange({ includeClosed: includeClosed || undefined })} />
        {query.pastDue && <span className="filter-chip">Past due only</span>}
        {isFiltered(query) && (
          <Link className="link-button" to="/admin/tenants" search={{}}>
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
