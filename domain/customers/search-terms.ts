// What the customer book's search box means. People type a phone number however they write it
// ("918 555", "(918) 555-0142", "+1 918…"): anything made only of digits and phone punctuation is
// one run of digits, found inside the stored E.164 number. Anything else is words, each of which
// must appear somewhere in the name, email or number.

const PHONE_LIKE = /^[\d\s().+-]+$/;

/** Lower-case terms, each to be found as a substring; [] for an empty search. */
export function searchTerms(query: string | undefined | null): string[] {
  const q = (query ?? '').trim().toLowerCase();
  if (!q) return [];
  if (PHONE_LIKE.test(q)) {
    const digits = q.replace(/\D/g, '');
    return digits ? [digits] : [];
  }
  return [...new Set(q.split(/\s+/).filter(Boolean))].slice(0, 8);
}

/** A term as a LIKE pattern that matches it anywhere, its own % and _ taken literally. */
export const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
