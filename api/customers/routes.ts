import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { assetCreateInput, assetUpdateInput, customerCreateInput, customerSearch, customerUpdateInput } from '../../domain/inputs/customer.ts';
import { requireAccess } from '../auth/session.ts';
import type { AppEnv } from '../context.ts';
import { openBusinessOnly } from '../tenants/open-business.ts';
import { pageFrom } from '../tenants/pagination.ts';
import { validated } from '../validated.ts';
import { customerBook } from './book.ts';
import { listCustomers } from './list.ts';

const listQuery = z.object({ q: customerSearch.optional() });

/**
 * `/api/tenants/:tenantId/customers`: the customer book. Every member reads and edits it — owners
 * and staff alike answer the phone and take the notes — while a closed business only reads.
 */
export function customerRoutes() {
  const member = requireAccess({ kind: 'tenant-member' });
  const tenantId = (c: { req: { param: (name: 'tenantId') => string | undefined } }) => c.req.param('tenantId') ?? '';
  const book = (c: Context<AppEnv>) => customerBook(c.get('deps').db, tenantId(c));

  return new Hono<AppEnv>()
    .get('/', member, validated('query', listQuery.passthrough()), async (c) =>
      c.json(await listCustomers(c.get('deps').db, tenantId(c), { q: c.req.valid('query').q, page: pageFrom(c.req.query()) })),
    )
    .post('/', member, openBusinessOnly, validated('json', customerCreateInput), async (c) => c.json({ customer: await book(c).create(c.req.valid('json')) }, 201))
    .get('/:id', member, async (c) => c.json(await book(c).page(c.req.param('id'))))
    .patch('/:id', member, openBusinessOnly, validated('json', customerUpdateInput), async (c) => c.json({ customer: await book(c).update(c.req.param('id'), c.req.valid('json')) }))
    .post('/:id/assets', member, openBusinessOnly, validated('json', assetCreateInput), async (c) => c.json({ asset: await book(c).addAsset(c.req.param('id'), c.req.valid('json')) }, 201))
    .patch('/:id/assets/:assetId', member, openBusinessOnly, validated('json', assetUpdateInput), async (c) =>
      c.json({ asset: await book(c).changeAsset(c.req.param('id'), c.req.param('assetId'), c.req.valid('json')) }),
    )
    .delete('/:id/assets/:assetId', member, openBusinessOnly, async (c) => {
      await book(c).removeAsset(c.req.param('id'), c.req.param('assetId'));
      return c.body(null, 204);
    });
}
