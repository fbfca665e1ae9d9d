import { autoDetailing } from './auto-detailing.ts';
import { carpetCleaning } from './carpet-cleaning.ts';
import { gutterCleaning } from './gutter-cleaning.ts';
import { handyman } from './handyman.ts';
import { houseCleaning } from './house-cleaning.ts';
import { lawnCare } from './lawn-care.ts';
import { otherService } from './other.ts';
import type { IndustryPack } from './pack.ts';
import { petGrooming } from './pet-grooming.ts';
import { poolService } from './pool-service.ts';
import { pressureWashing } from './pressure-washing.ts';
import { windowCleaning } from './window-cleaning.ts';

export type { IndustryPack, PackService } from './pack.ts';
export { fillPackText } from './fill.ts';

/** Every trade a business can start from, in the order the wizard lists them: "Other" last. */
export const INDUSTRY_PACKS: readonly IndustryPack[] = [
  autoDetailing,
  lawnCare,
  houseCleaning,
  petGrooming,
  pressureWashing,
  windowCleaning,
  poolService,
  carpetCleaning,
  gutterCleaning,
  handyman,
  otherService,
];

/** The ids tenant_config.industry may hold (the registry form's and the API's choice list). */
export const INDUSTRY_IDS = INDUSTRY_PACKS.map((pack) => pack.id) as [string, ...string[]];

/**
 * The pack of a business whose trade has none of its own, or that never chose one: plain words for
 * any service business, so nobody is shown another trade's copy (a cleaner hearing about cars).
 */
export const DEFAULT_PACK_ID = otherService.id;

/** The pack of a tenant's industry; a tenant without one (or with a retired id) gets the "Other" pack. */
export function industryPack(id: string | null | undefined): IndustryPack {
  return INDUSTRY_PACKS.find((pack) => pack.id === id) ?? otherService;
}
