import { autoDetailing } from './auto-detailing.ts';
import type { IndustryPack } from './pack.ts';

export type { IndustryPack, PackService } from './pack.ts';
export { fillPackText } from './fill.ts';

/** Every trade a business can start from, in the order the wizard lists them. */
export const INDUSTRY_PACKS: readonly IndustryPack[] = [autoDetailing];

export const DEFAULT_PACK_ID = autoDetailing.id;

/** The pack of a tenant's industry; a tenant without one (or with a retired id) gets the default. */
export function industryPack(id: string | null | undefined): IndustryPack {
  return INDUSTRY_PACKS.find((pack) => pack.id === id) ?? autoDetailing;
}
