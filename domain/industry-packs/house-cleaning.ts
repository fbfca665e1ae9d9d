import type { IndustryPack } from './pack.ts';

/** Residential house cleaning: standard, deep, recurring and move-out cleans. Prices: a 2–3 bedroom home, US 2025–26. */
export const houseCleaning = {
  id: 'house-cleaning',
  name: 'House cleaning',
  schemaOrgType: 'HomeAndConstructionBusiness',
  asset: null,
  services: [
    { name: 'Standard cleaning', description: 'Kitchen and bathrooms cleaned, every room dusted, floors vacuumed and mopped, beds made and trash taken out.', durationMinutes: 150, priceCents: 14900, priceIsFrom: true },
    { name: 'Deep cleaning', description: 'A standard clean plus baseboards, door frames, light switches, cabinet fronts, inside the microwave and built-up grime.', durationMinutes: 240, priceCents: 26900, priceIsFrom: true },
    { name: 'Recurring cleaning (every 2 weeks)', description: 'The same team keeps your home on track with a standard clean every other week, at a lower price per visit.', durationMinutes: 120, priceCents: 12900, priceIsFrom: true },
    { name: 'Move-in or move-out cleaning', description: 'An empty home cleaned top to bottom, inside cabinets, drawers, closets and appliances, ready for the keys to change hands.', durationMinutes: 300, priceCents: 32900, priceIsFrom: true },
    { name: 'Inside the oven', description: 'Racks, walls and door glass degreased and wiped; add it to any clean.', durationMinutes: 30, priceCents: 4500, priceIsFrom: false },
    { name: 'Inside the fridge', description: 'Emptied, shelves and drawers washed, wiped dry and put back; add it to any clean.', durationMinutes: 30, priceCents: 4000, priceIsFrom: false },
    { name: 'Interior windows', description: 'Inside glass, sills and tracks wiped on up to 15 windows.', durationMinutes: 60, priceCents: 6000, priceIsFrom: true },
  ],
  faqs: [
    { question: 'Do I need to be home while you clean?', answer: 'No. Many clients give us a key or a door code. We lock up when we leave and text you when the clean is done.' },
    { question: 'Do you bring your own supplies?', answer: 'Yes, everything: vacuums, mops, cloths and cleaning products. If you want us to use your own products, leave them out and we will.' },
    { question: 'How do you price a clean?', answer: 'By the number of bedrooms and bathrooms and how long since the last deep clean. Your first visit to a home is usually a deep clean; after that, recurring cleans cost less.' },
    { question: 'What if I am not happy with a room?', answer: 'Tell us within 24 hours and we will come back and clean it again, free.' },
    { question: 'Are your cleaners insured?', answer: 'Yes. Our team is insured and background checked, and the same people clean your home each visit whenever we can.' },
    { question: 'Is it OK if we have pets?', answer: 'Of course. Let us know about them when you book; for their safety, please keep nervous pets in a closed room while we work.' },
  ],
  policies: {
    weather: 'We clean indoors, so weather rarely changes anything. If snow or ice closes the roads, we text you to move your clean to the next open day at no charge.',
    cancellation: 'Please give us 48 hours notice to cancel or move a clean. Cancellations with less notice, or a team that cannot get in on arrival, are charged $50.',
    deposit: 'First deep cleans and move-out cleans need a $50 deposit to hold the date; it comes off the final price. Recurring cleans need no deposit.',
  },
  ivr: {
    greeting: 'Thanks for calling {business}. We clean your home so you can enjoy it.',
    info: 'We clean homes top to bottom and bring all our own supplies. Standard cleans start at $149, deep cleans at $269 and move-out cleans at $329, with a lower price when we come every other week. Book online or stay on the line to talk to us.',
    jokes: [
      'Why did the broom get a promotion? It swept the competition. Thanks for calling!',
      'Why did the sponge get hired on the spot? It was completely absorbed in its work. Thanks for calling!',
      'What did the dust bunny say when we showed up? Well, this is the end of an era. Thanks for calling!',
    ],
  },
  sms: {
    reminder: 'Hi {customer}, {business} here: your {service} is {when}. Please pick up small items so we can reach every surface. Reply R to reschedule.',
    followUp: 'Thanks {customer}, your home is sparkling! If we missed a spot, reply within 24 hours and we will come back and make it right. - {business}',
    reviewRequest: 'Hi {customer}, did you enjoy coming home to a clean house? A quick review of {business} would mean a lot to our team: {link}',
    info: '{business}: standard cleans from $149, deep cleans from $269, move-out cleans from $329. We bring all supplies. Book: {link} or call {phone}',
    missedCall: 'Sorry we missed your call at {business}, we are probably mid-clean! Reply with your home size and the clean you need, or book at {link}',
  },
  agentInstructions:
    'You are the friendly assistant of a local house cleaning company. Help customers choose a standard, deep, recurring or move-out clean and book it with the booking tools. Ask for the number of bedrooms and bathrooms, pets, and when the home was last deep cleaned, because they set the time and the price. Quote only the prices listed for this business and say a home that needs more time is confirmed with them before the team starts. Never promise that a stain, hard water build-up or mold will come out completely, never promise to move heavy furniture, clean up biohazards or work on ladders, and never promise a particular cleaner by name. Never ask for door codes, alarm codes or where a key is hidden in a chat or text; the office collects entry instructions by phone.',
  website: {
    headline: 'Come home to clean',
    tagline: 'Trusted, insured house cleaners who bring everything and leave every room fresh.',
    about:
      'We are a local, owner-run cleaning team. The same friendly people clean your home each visit, bring all their own supplies and follow your list, room by room. Book a one-time deep clean, a move-out clean or a visit every other week in a minute online, and if anything is not right, we come back and fix it free.',
    callToAction: 'Book a cleaning',
  },
} satisfies IndustryPack;
