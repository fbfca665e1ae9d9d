// The customer list's URL: `?q=` is the search, kept so a search survives a reload and can be shared.
import { customerSearch } from '../../../domain/inputs/customer.ts';

export interface CustomerSearch {
  q?: string;
}

/**
 * The router reads `?q=9185550142` as a number and `?q=true` as a boolean (it JSON-parses values):
 * those are still what someone typed. Anything the API would refuse is dropped, not trusted.
 */
export function parseCustomerSearch(search: Record<string, unknown>): CustomerSearch {
  const raw = typeof search.q === 'number' || typeof search.q === 'boolean' ? String(search.q) : search.q;
  const parsed = customerSearch.safeParse(raw);
  const q = parsed.success ? parsed.data.trim() : '';
  return q ? { q } : {};
}
