import { createContext, useContext } from 'react';
import type { TenantSummary } from '../../api/types.ts';

const TenantContext = createContext<TenantSummary | null>(null);

/** Given by the tenant shell once the business is loaded; every section page reads it. */
export const TenantProvider = TenantContext.Provider;

/** The business whose area this page is in. */
export function useTenant(): TenantSummary {
  const tenant = useContext(TenantContext);
  if (!tenant) throw new Error('useTenant is for pages inside the tenant shell');
  return tenant;
}
