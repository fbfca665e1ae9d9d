import type { PrismaClient } from '../prisma/client.ts';
import { serveLocally } from './serve-local.ts';
import { uniqueId } from './stack.ts';
import { withFreeNumber } from './tenant-fixtures.ts';

/**
 * The public pages carriers check (`/s/<slug>`, its privacy, terms and SMS opt-in pages), served by
 * a test until the website generator serves them: each names the business unless `missing` lists it.
 */
export async function startRegistrationPages() {
  const names = new Map<string, string>();
  const missing = new Set<string>();
  const served = await serveLocally((request) => {
    const match = /^\/s\/([^/]+)(\/(?:privacy|terms|sms-opt-in))?$/.exec(new URL(request.url).pathname);
    const name = match ? names.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !name || missing.has(match[2] ?? '/')) return new Response('Not found', { status: 404 });
    return new Response(`<!doctype html><title>${name}</title><h1>${name.replace(/&/g, '&amp;')}</h1>`, { headers: { 'content-type': 'text/html' } });
  });
  return {
    ...served,
    /** Serves the pages of the business `slug` named `name`. */
    publish: (slug: string, name: string) => names.set(slug, name),
    /** `/privacy`, `/terms`, `/sms-opt-in`, or `/` for the home page: answered 404 until `restore`. */
    hide: (page: string) => missing.add(page),
    restore: () => missing.clear(),
  };
}

/** A business with a number and an owner, written straight to the database (no billing workflow). */
export async function createRegisteringTenant(db: PrismaClient, prefix: string) {
  const id = uniqueId(prefix);
  const ownerEmail = `${id}-owner@servicepro.test`;
  const phoneNumber = await withFreeNumber(async (phoneNumber) => {
    await db.tenant.create({
      data: {
        id,
        slug: id,
        config: { create: { businessName: `Sunny ${id} Lawns`, tier: 'pro', industry: 'auto-detailing', status: 'trialing' } },
        phoneConfig: { create: { phoneNumber, ivrMode: 'ivr' } },
        memberships: { create: { role: 'owner', user: { create: { email: ownerEmail, passwordHash: 'x' } } } },
      },
    });
    return phoneNumber;
  });
  return { id, phoneNumber, ownerEmail, businessName: `Sunny ${id} Lawns` };
}
