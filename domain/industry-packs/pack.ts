import { z } from 'zod';

// An industry pack is data: everything a new business of one trade starts with, so a lawn-care
// owner's first screen, greeting, texts, site and agent speak lawn care. The onboarding wizard
// pre-fills from it, the IVR and SMS automations fall back to it, the website templates render its
// copy and the AI agent reads its instructions. Every pack is checked against this schema in a test.

/** Placeholders a pack's texts may use; filled by `fillPackText` (domain/industry-packs/fill.ts). */
export const PACK_PLACEHOLDERS = ['business', 'customer', 'service', 'when', 'link', 'phone'] as const;
export type PackPlaceholder = (typeof PACK_PLACEHOLDERS)[number];

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const packServiceSchema = z.strictObject({
  name: text(3, 60),
  description: text(10, 240),
  durationMinutes: z.int().min(15).max(600),
  priceCents: z.int().min(0).max(1_000_000),
  /** "from $99": the price depends on size or condition. */
  priceIsFrom: z.boolean().default(false),
});

export const industryPackSchema = z.strictObject({
  /** Stable id: stored in tenant_config.industry, used in URLs. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** The trade as an owner names it: "Lawn care". */
  name: text(3, 40),
  /** schema.org LocalBusiness subtype for the website's JSON-LD ("AutoWash", "HousePainter", …, or "LocalBusiness"). */
  schemaOrgType: z.string().regex(/^[A-Z][A-Za-z]+$/),
  /** What the business works on, when the customer book keeps one ("vehicle", "pet", "pool"); null when nothing. */
  asset: z.strictObject({ singular: text(2, 20), plural: text(2, 24) }).nullable(),
  services: z.array(packServiceSchema).min(3).max(12),
  faqs: z.array(z.strictObject({ question: text(8, 160), answer: text(10, 600) })).min(4).max(12),
  policies: z.strictObject({ weather: text(20, 600), cancellation: text(20, 600), deposit: text(20, 600) }),
  ivr: z.strictObject({
    /** Said when the call is answered, before the menu: "Thanks for calling {business}." */
    greeting: text(10, 300),
    /** Said (and texted) after "press 1": what the business does and roughly what it costs. */
    info: text(20, 480),
    /** Key 7: clean, short, about the trade. */
    jokes: z.array(text(20, 240)).min(2).max(8),
  }),
  sms: z.strictObject({
    reminder: text(20, 320),
    followUp: text(20, 320),
    reviewRequest: text(20, 320),
    info: text(20, 320),
    missedCall: text(20, 320),
  }),
  /** How the AI agent talks and what it must never promise for this trade. */
  agentInstructions: text(80, 2000),
  website: z.strictObject({
    headline: text(10, 90),
    tagline: text(10, 160),
    about: text(80, 1200),
    callToAction: text(4, 40),
  }),
});

export type IndustryPack = z.infer<typeof industryPackSchema>;
export type PackService = z.infer<typeof packServiceSchema>;
