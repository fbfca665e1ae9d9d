import type { IndustryPack } from './pack.ts';

/** Carpet, rug, upholstery and tile cleaning in the customer's home. US 2025–26 prices. */
export const carpetCleaning = {
  id: 'carpet-cleaning',
  name: 'Carpet cleaning',
  schemaOrgType: 'HomeAndConstructionBusiness',
  asset: null,
  services: [
    { name: 'Carpet cleaning (3 rooms)', description: 'Hot water extraction with a pre-treatment and a clean-water rinse, for up to three rooms of about 200 sq ft each.', durationMinutes: 120, priceCents: 17900, priceIsFrom: true },
    { name: 'Whole-home carpet cleaning', description: 'Up to six rooms plus a hallway and one flight of stairs, pre-treated, deep cleaned and groomed.', durationMinutes: 210, priceCents: 32900, priceIsFrom: true },
    { name: 'Stair cleaning', description: 'A flight of up to 14 carpeted stairs, with the risers and edges cleaned by hand.', durationMinutes: 45, priceCents: 5900, priceIsFrom: true },
    { name: 'Pet odor & stain treatment', description: 'An enzyme treatment worked deep into urine spots, where the smell lives, then extracted.', durationMinutes: 60, priceCents: 7900, priceIsFrom: true },
    { name: 'Upholstery cleaning', description: 'A sofa or sectional piece cleaned with the method its fabric calls for, cushions included.', durationMinutes: 60, priceCents: 12900, priceIsFrom: true },
    { name: 'Area rug cleaning', description: 'Synthetic rugs cleaned on site; wool and silk rugs picked up and washed at our shop.', durationMinutes: 45, priceCents: 6900, priceIsFrom: true },
    { name: 'Tile & grout cleaning', description: 'Up to 200 sq ft of kitchen or bathroom tile scrubbed and extracted, with an optional grout sealer.', durationMinutes: 120, priceCents: 19900, priceIsFrom: true },
  ],
  faqs: [
    { question: 'How long does carpet take to dry?', answer: 'Usually 4 to 8 hours, and up to a day for thick carpet on humid days. Run fans or the air conditioning and it dries faster.' },
    { question: 'Do I need to move the furniture?', answer: 'We move chairs, tables and other light pieces and put them back on protective tabs. Please clear small items, and move anything fragile or valuable yourself.' },
    { question: 'Will every stain come out?', answer: 'Most do. Some, such as bleach spots, dyes, rust and old pet urine that has soaked into the pad, may be permanent; we tell you before we start.' },
    { question: 'Is it safe for kids and pets?', answer: 'Yes. We rinse with clean water so no sticky residue stays behind. Keep everyone off the damp carpet until it dries, mostly to keep it clean.' },
    { question: 'What equipment do you use?', answer: 'A truck-mounted hot water extraction system: only the hoses come inside, and the dirty water goes back to the truck.' },
    { question: 'How often should carpets be cleaned?', answer: 'Every 12 to 18 months for most homes, and every 6 months with kids, pets or allergies.' },
  ],
  policies: {
    weather: 'We clean indoors, but our truck runs hoses from the street, so heavy snow or ice may move your appointment. Humid or rainy days can add drying time.',
    cancellation: 'Please cancel or move at least 24 hours ahead. Late cancellations and missed appointments are charged a $50 trip fee.',
    deposit: 'No deposit for most jobs. Whole-home cleans over $500 and shop rug cleaning need a 25% deposit to book.',
  },
  ivr: {
    greeting: 'Thanks for calling {business}, deep carpet and upholstery cleaning for your home.',
    info: 'We deep clean carpets, stairs, rugs and upholstery with truck-mounted hot water extraction. Three rooms start at $179, whole homes at $329 and sofas at $129, and most carpets dry in 4 to 8 hours. Book online or stay on the line to talk to us.',
    jokes: [
      'Why did the rug finally relax after its cleaning? Everyone had stopped walking all over it. Thanks for calling!',
      'Why was the carpet so happy after we left? It was completely spot-free and totally floored. Thanks for calling!',
      'What did the stain say to the carpet cleaner? I had a good run, but I know when I am beaten. Thanks for calling!',
    ],
  },
  sms: {
    reminder: 'Hi {customer}, {business} here: your {service} is {when}. Please pick up small items from the floors; we move light furniture. Reply R to reschedule.',
    followUp: 'Thanks {customer}! Your carpets will dry in 4 to 8 hours; keep shoes off until then. If a spot comes back, reply and we will treat it free. - {business}',
    reviewRequest: 'Hi {customer}, how do your carpets look? A quick review of {business} would mean a lot to our team: {link}',
    info: '{business}: 3 rooms from $179, whole home from $329, stairs from $59, sofas from $129, pet odor treatment from $79. Book: {link} or call {phone}',
    missedCall: 'Sorry we missed your call at {business}, our machines are loud! Reply with how many rooms and any pet stains, or book at {link}',
  },
  agentInstructions:
    'You are the friendly assistant of a carpet cleaning company. Help customers choose carpet, stair, rug, upholstery or tile cleaning and book it with the booking tools. Ask how many rooms and roughly how big, how many stairs, whether pets have had accidents, the fabric of any upholstery and the material of any rug, because they set the time and price. Quote only the prices listed for this business. Never promise that a stain will come out (wine, dyes, bleach spots, rust and old urine in the pad may be permanent), never promise a dry time under 4 to 8 hours, never promise to clean a wool or silk rug on site, and never promise mold removal or that carpet will be free of allergens.',
  website: {
    headline: 'Carpets that look and feel like new',
    tagline: 'Truck-mounted deep cleaning for carpets, stairs, rugs, upholstery and tile.',
    about:
      'We are a local, owner-run carpet cleaning company. We pre-treat every traffic lane and spot, clean with powerful truck-mounted hot water extraction and rinse with clean water so nothing sticky is left to attract dirt. We move light furniture, protect your walls and corners, and if a spot comes back after we leave, we return and treat it free.',
    callToAction: 'Book a cleaning',
  },
} satisfies IndustryPack;
