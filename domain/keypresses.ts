/**
 * The keys a simulated caller presses, one entry per menu: "2" → ['2']; "9,3" or "9 3" → ['9','3'];
 * "93" → ['9','3'] (one key per menu when nothing separates them); "12,3" → ['12','3'].
 */
export function parseKeypresses(input: string): string[] {
  const trimmed = input.trim();
  if (!trimmed) return [];
  if (/[\s,]/.test(trimmed)) return trimmed.split(/[\s,]+/).filter(Boolean);
  return [...trimmed];
}

export const KEYPRESS_PATTERN = /^[0-9*#]{1,10}$/;
