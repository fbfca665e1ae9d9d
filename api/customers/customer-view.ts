import type { Prisma } from '../../prisma/client.ts';

// A customer and an asset as the API shows them (the list, the page, the answers to a change).

export const customerSelect = {
  id: true, name: true, phone: true, email: true, address: true, notes: true, createdAt: true, updatedAt: true, lastContactAt: true,
} satisfies Prisma.CustomerSelect;

export type CustomerRow = Prisma.CustomerGetPayload<{ select: typeof customerSelect }>;

export function customerView(row: CustomerRow) {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    address: row.address,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastContactAt: row.lastContactAt?.toISOString() ?? null,
  };
}

export const assetSelect = { id: true, description: true, details: true, createdAt: true } satisfies Prisma.VehicleSelect;
export type AssetRow = Prisma.VehicleGetPayload<{ select: typeof assetSelect }>;

/** The asset's notes live in `details` (JSON), beside whatever else an import put there. */
export const assetNotes = (details: Prisma.JsonValue | null): string | null => {
  const notes = details && typeof details === 'object' && !Array.isArray(details) ? details.notes : null;
  return typeof notes === 'string' ? notes : null;
};

export function assetView(row: AssetRow) {
  return { id: row.id, description: row.description, notes: assetNotes(row.details), createdAt: row.createdAt.toISOString() };
}
