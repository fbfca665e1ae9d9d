import type { IndustryPack } from './pack.ts';

/** Handyman: small home repairs, mounting, assembly and fixture swaps. US 2025–26 rates. */
export const handyman = {
  id: 'handyman',
  name: 'Handyman',
  // Not GeneralContractor: a handyman takes small jobs, not licensed construction.
  schemaOrgType: 'HomeAndConstructionBusiness',
  asset: null,
  services: [
    { name: 'Handyman hour', description: 'An hour of small repairs and odd jobs from your list, worked through in the order you choose. Extra time in half hours.', durationMinutes: 60, priceCents: 9500, priceIsFrom: true },
    { name: 'Half-day to-do list', description: 'Four hours for a longer list: patching, hanging, fixing, adjusting and caulking, at a lower hourly rate.', durationMinutes: 240, priceCents: 32900, priceIsFrom: true },
    { name: 'TV mounting', description: 'A TV up to 75 inches mounted into studs or masonry, leveled, with cables tidied along the wall. Your mount or ours.', durationMinutes: 90, priceCents: 14900, priceIsFrom: true },
    { name: 'Furniture assembly', description: 'Flat-pack furniture built, leveled and anchored to the wall where it should be, packaging taken away.', durationMinutes: 120, priceCents: 9900, priceIsFrom: true },
    { name: 'Drywall patch & paint', description: 'Holes up to fist size patched, textured to match and painted with your leftover paint.', durationMinutes: 120, priceCents: 17500, priceIsFrom: true },
    { name: 'Light fixture or faucet swap', description: 'A like-for-like swap of a light, ceiling fan or faucet on the wiring or plumbing already there.', durationMinutes: 90, priceCents: 13900, priceIsFrom: true },
    { name: 'Door repair & adjustment', description: 'Sticking, rubbing or unlatching doors planed, rehung or fitted with new hinges, knobs or locks.', durationMinutes: 60, priceCents: 9900, priceIsFrom: true },
  ],
  faqs: [
    { question: 'What jobs do you not take?', answer: 'Work that needs a licensed trade or a permit: new electrical circuits or panels, gas lines, moving plumbing, structural changes and roofing. We will gladly point you to a pro we trust.' },
    { question: 'Do you bring the materials?', answer: 'We bring tools, fasteners and common supplies. Larger materials we buy for you at cost, with the receipt on your invoice, or you can buy them yourself.' },
    { question: 'Is there a minimum?', answer: 'Yes, one hour. Put a few small jobs on one visit and you get the most out of it.' },
    { question: 'Can I get a price before you come?', answer: 'Send us photos and a short description by text and we will give you a price range. The final price is confirmed on site before we start.' },
    { question: 'Are you insured?', answer: 'Yes, we carry general liability insurance, and we are happy to send proof to you or your building manager.' },
    { question: 'Do you guarantee your work?', answer: 'Yes. If something we fixed fails within 90 days, we come back and make it right at no charge.' },
  ],
  policies: {
    weather: 'Most jobs are indoors and go ahead in any weather. Outdoor work, such as fence, deck or exterior trim repair, moves to the next dry day, and we text you first.',
    cancellation: 'Please cancel or move at least 24 hours ahead. Late cancellations may be charged our one-hour minimum.',
    deposit: 'Jobs that need materials we buy for you, or that take more than a day, need a deposit covering the materials before we start.',
  },
  ivr: {
    greeting: 'Thanks for calling {business}. Your to-do list, done right.',
    info: 'We handle the small jobs around the house: repairs, mounting, furniture assembly, drywall patches and fixture swaps. Our rate starts at $95 for the first hour, TV mounting at $149 and furniture assembly at $99. Book online or stay on the line to talk to us.',
    jokes: [
      'I told my handyman a joke about a broken drill, but it was boring. Thanks for calling!',
      'Why did the handyman bring a ladder to the party? He heard the snacks were on the house. Thanks for calling!',
      'Why is a good handyman never worried? He knows how to handle any screw-up. Thanks for calling!',
    ],
  },
  sms: {
    reminder: 'Hi {customer}, {business} here: your {service} is {when}. Please have your list ready and clear space to work. Reply R to reschedule.',
    followUp: 'Thanks {customer}! Your {service} is done. If anything we fixed gives you trouble in the next 90 days, reply here and we will make it right. - {business}',
    reviewRequest: 'Hi {customer}, thanks for having {business} over! A quick review helps a small local business a lot: {link}',
    info: '{business}: handyman visits from $95 for the first hour, TV mounting from $149, furniture assembly from $99, drywall patches from $175. Book: {link}',
    missedCall: 'Sorry we missed your call at {business}, we are probably on a job! Reply with what needs fixing (photos help), or book at {link}',
  },
  agentInstructions:
    'You are the friendly assistant of a handyman business. Help customers describe their jobs, choose an hourly visit or a fixed service such as TV mounting or furniture assembly, and book it with the booking tools. Ask what needs doing, where, and for photos when they help, so the right time is booked. Quote only the prices listed for this business and say the handyman confirms the final price on site before starting. Never promise work that needs a licensed trade or a permit (new electrical circuits or panels, gas lines, moving plumbing, structural changes, roofing); say we will recommend a licensed pro. Never give a firm price for a job nobody has seen, and never promise same-day service.',
  website: {
    headline: 'Your to-do list, done right',
    tagline: 'Repairs, mounting, assembly and odd jobs from a local handyman who shows up on time.',
    about:
      'We are a local, owner-run handyman business. We fix the things that pile up: sticking doors, holes in the drywall, wobbly shelves, new lights and faucets, TVs to mount and furniture to build. We arrive on time with the right tools, protect your floors, clean up after ourselves and stand behind our work for 90 days.',
    callToAction: 'Book a handyman',
  },
} satisfies IndustryPack;
