/** The browser's own time zone: where the owner most likely is. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/Chicago';

const US_ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu'];

/** The US zones first (most owners), then every zone the browser knows, with `current` always listed. */
export function timeZoneChoices(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, ...US_ZONES, ...all].filter(Boolean))];
}

/** "America/Los_Angeles" → "Los Angeles (America)". */
export const timeZoneLabel = (zone: string) => {
  const [area, ...place] = zone.split('/');
  return place.length ? `${place.join(' / ').replaceAll('_', ' ')} (${area})` : zone;
};
