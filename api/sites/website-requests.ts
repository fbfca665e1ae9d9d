import type { SiteRequestInput } from '../../domain/inputs/site-request.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { forTenant } from '../../prisma/tenant-db.ts';

// Website booking requests in the database: stored with the customer they come from (found by phone
// number, or created), and listed for the owner, newest first.

/**
 * One transaction: the customer (an existing customer keeps their name — a stranger's form never
 * renames them — but gains an email they did not have) and the request.
 */
export async function storeWebsiteRequest(db: PrismaClient, tenantId: string, request: SiteRequestInput, serviceName: string | null) {
  return forTenant(db, tenantId).transaction(async (tx) => {
    const existing = await tx.customer.findFirst({ where: { phone: request.phone }, select: { id: true, email: true } });
    const customer = existing
      ? existing.email || !request.email
        ? existing
        : await tx.customer.update({ where: { id: existing.id }, data: { email: request.email }, select: { id: true, email: true } })
      : await tx.customer.create({ data: { name: request.name, phone: request.phone, email: request.email }, select: { id: true, email: true } });
    const row = await tx.websiteRequest.create({
      data: { customerId: customer.id, serviceId: request.serviceId, serviceName, preferredTime: request.when, address: request.address, message: request.message, smsConsent: request.smsConsent },
      select: { id: true },
    });
    return { requestId: row.id, customerId: customer.id, newCustomer: !existing };
  });
}

export async function listWebsiteRequests(db: PrismaClient, tenantId: string, limit = 50) {
  const rows = await forTenant(db, tenantId).websiteRequest.findMany({
    orderBy: { createdAt: 'desc' },
    take: limit,
    include: { customer: { select: { id: true, name: true, phone: true, email: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    customer: row.customer,
    serviceName: row.serviceName,
    preferredTime: row.preferredTime,
    address: row.address,
    message: row.message,
    smsConsent: row.smsConsent,
  }));
}
