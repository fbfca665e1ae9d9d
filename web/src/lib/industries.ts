// The trades a business can be in, named as the industry packs name them. Its own module: the pack
// data is loaded by the pages that show an industry (the registry), not by the app's first bundle.
import { INDUSTRY_PACKS } from '../../../domain/industry-packs/index.ts';
import { humanize } from './format.ts';

/** Every trade, in the wizard's order ("Other service business" last). */
export const INDUSTRY_CHOICES = INDUSTRY_PACKS.map((pack) => ({ value: pack.id, label: pack.name }));

/** "house-cleaning" → "House cleaning"; an id without a pack (a retired one) is still shown readably. */
export function industryLabel(industry: string): string {
  return INDUSTRY_CHOICES.find((choice) => choice.value === industry)?.label ?? humanize(industry);
}
