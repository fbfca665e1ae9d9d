// The customer book's calls: /api/tenants/:tenantId/customers (api/customers/routes.ts).
import { apiRequest } from './client.ts';
import type { AssetInput, Customer, CustomerAsset, CustomerCreateInput, CustomerListEntry, CustomerPage, CustomersPage, CustomerUpdateInput, Paged } from './types.ts';

const book = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}/customers`;
const one = (tenantId: string, customerId: string) => `${book(tenantId)}/${encodeURIComponent(customerId)}`;
const asset = (tenantId: string, customerId: string, assetId: string) => `${one(tenantId, customerId)}/assets/${encodeURIComponent(assetId)}`;

/** One page of the book, newest activity first; `q` searches names, numbers and emails. */
export async function fetchCustomers(tenantId: string, query: { q?: string; cursor: string | null }, signal?: AbortSignal): Promise<Paged<CustomerListEntry>> {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.cursor) params.set('cursor', query.cursor);
  const text = params.toString();
  const { customers, nextCursor } = await apiRequest<CustomersPage>(`${book(tenantId)}${text ? `?${text}` : ''}`, { signal });
  return { items: customers, nextCursor };
}

export function fetchCustomerPage(tenantId: string, customerId: string, signal?: AbortSignal): Promise<CustomerPage> {
  return apiRequest<CustomerPage>(one(tenantId, customerId), { signal });
}

export async function createCustomer(tenantId: string, input: CustomerCreateInput): Promise<Customer> {
  return (await apiRequest<{ customer: Customer }>(book(tenantId), { method: 'POST', body: input })).customer;
}

export async function updateCustomer(tenantId: string, customerId: string, changes: CustomerUpdateInput): Promise<Customer> {
  return (await apiRequest<{ customer: Customer }>(one(tenantId, customerId), { method: 'PATCH', body: changes })).customer;
}

export async function addAsset(tenantId: string, customerId: string, input: AssetInput & { description: string }): Promise<CustomerAsset> {
  return (await apiRequest<{ asset: CustomerAsset }>(`${one(tenantId, customerId)}/assets`, { method: 'POST', body: input })).asset;
}

export async function changeAsset(tenantId: string, customerId: string, assetId: string, changes: AssetInput): Promise<CustomerAsset> {
  return (await apiRequest<{ asset: CustomerAsset }>(asset(tenantId, customerId, assetId), { method: 'PATCH', body: changes })).asset;
}

export async function removeAsset(tenantId: string, customerId: string, assetId: string): Promise<void> {
  await apiRequest<null>(asset(tenantId, customerId, assetId), { method: 'DELETE' });
}
