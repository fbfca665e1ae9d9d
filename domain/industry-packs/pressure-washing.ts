import type { IndustryPack } from './pack.ts';

/** Exterior cleaning: soft washing houses and roofs, pressure washing concrete, decks and fences. US 2025–26 prices. */
export const pressureWashing = {
  id: 'pressure-washing',
  name: 'Pressure washing',
  schemaOrgType: 'HomeAndConstructionBusiness',
  asset: null,
  services: [
    { name: 'House soft wash', description: 'A low-pressure wash that lifts mildew, algae and dirt from siding, soffits and trim, safe for vinyl, brick and stucco. Homes up to 2,500 sq ft.', durationMinutes: 180, priceCents: 34900, priceIsFrom: true },
    { name: 'Driveway cleaning', description: 'Concrete driveway surface-cleaned edge to edge with the front walk, oil and rust spots pre-treated.', durationMinutes: 90, priceCents: 14900, priceIsFrom: true },
    { name: 'Deck or patio cleaning', description: 'Wood, composite or stone cleaned at the right pressure for the surface, left ready to seal or stain.', durationMinutes: 120, priceCents: 19900, priceIsFrom: true },
    { name: 'Roof soft wash', description: 'Black streaks, moss and algae removed with a gentle treatment and rinse, never high pressure on shingles.', durationMinutes: 240, priceCents: 49900, priceIsFrom: true },
    { name: 'Fence cleaning', description: 'Wood or vinyl fence brightened on both sides; priced by length.', durationMinutes: 120, priceCents: 17900, priceIsFrom: true },
    { name: 'Gutter brightening', description: 'Black tiger stripes and grime cleaned off the outside face of the gutters all the way around the house.', durationMinutes: 60, priceCents: 12900, priceIsFrom: true },
  ],
  faqs: [
    { question: 'Will pressure washing damage my siding?', answer: 'Not the way we do it. Siding and roofs get a soft wash: a gentle cleaning solution and a low-pressure rinse. High pressure is only for concrete and hard surfaces.' },
    { question: 'Do I need to be home?', answer: 'No. Please leave an outdoor tap on, windows closed, cars off the driveway and side gates unlocked. We text you when we arrive and when we finish.' },
    { question: 'What about my plants and lawn?', answer: 'We soak plants with water before and after we wash and rinse anything our solution touches, so gardens stay healthy.' },
    { question: 'Can you get the oil stain out of my driveway?', answer: 'Fresh oil usually lifts well. Old stains, rust and tire marks often lighten a lot but may not disappear; we will tell you on site what to expect.' },
    { question: 'How long will it stay clean?', answer: 'A soft-washed house usually stays clean for one to two years; shady, damp sides come back sooner. Concrete looks fresh for about a year.' },
    { question: 'Do you seal decks and driveways?', answer: 'We leave them clean and ready to seal. Ask us for a sealing quote if you want it done in the same visit.' },
  ],
  policies: {
    weather: 'We work in light drizzle, but not in storms, high wind or below 40 degrees, when cleaners will not work and rinse water can freeze. We text you the day before if the forecast moves your job, at no charge.',
    cancellation: 'Please cancel or move at least 24 hours ahead. A late cancellation, or a job we cannot start on arrival (no water, a locked gate), may be charged a $50 trip fee.',
    deposit: 'Jobs over $500, including most roof washes, need a 20% deposit to hold the date; it comes off the final bill. Our minimum job is $149.',
  },
  ivr: {
    greeting: 'Thanks for calling {business}, exterior cleaning that makes your home look new again.',
    info: 'We soft wash houses and roofs and pressure wash driveways, decks and fences. Driveways start at $149, house washes at $349 and roof washes at $499, and quotes are free. Book online or stay on the line to talk to us.',
    jokes: [
      'What did the deck say after its wash? I feel like a whole new board. Thanks for calling!',
      'Why are pressure washers so good in a crisis? They always perform well under pressure. Thanks for calling!',
      'Why did the driveway blush? It saw the pressure washer coming. Thanks for calling!',
    ],
  },
  sms: {
    reminder: 'Hi {customer}, {business} here: your {service} is {when}. Please close windows, move cars off the drive and leave an outdoor tap on. Reply R to reschedule.',
    followUp: 'Thanks {customer}, your {service} is done! Surfaces can stay slippery for an hour while they dry. Want us to look at any spot? Just reply. - {business}',
    reviewRequest: 'Hi {customer}, enjoying that fresh clean look? A quick review of {business} helps your neighbors find us: {link}',
    info: '{business}: driveways from $149, decks from $199, house soft wash from $349, roof soft wash from $499. Free quotes. Book: {link} or call {phone}',
    missedCall: 'Sorry we missed your call at {business}, it is loud out here! Reply with your address and what needs cleaning for a free quote, or book at {link}',
  },
  agentInstructions:
    'You are the friendly assistant of an exterior cleaning company. Help customers choose a house wash, roof wash or concrete, deck or fence cleaning and book it with the booking tools. Ask what needs cleaning (siding type, roof, concrete, wood or composite), roughly how big it is, and whether there is an outdoor tap that works, because they set the time and price. Quote only the prices listed for this business; roofs and large properties are quoted after photos or a visit. Never promise that every stain will come out (rust, old oil, paint, tire marks and failing sealer may be permanent), never offer to pressure wash a roof or siding (only soft wash), and never promise that loose boards, peeling paint or weak window seals will survive cleaning unharmed; say the crew checks before they start.',
  website: {
    headline: 'Make your home look new again',
    tagline: 'Soft washing for houses and roofs, pressure washing for driveways, decks and fences.',
    about:
      'We are a local, owner-run exterior cleaning company. We use the right method for every surface: a gentle soft wash for siding and roofs, and real pressure only where it belongs, on concrete and stone. We protect your plants, clean up after ourselves and send before and after photos. Free quotes, fair prices and a crew that shows up on time.',
    callToAction: 'Get a free quote',
  },
} satisfies IndustryPack;
