import type { IndustryPack } from './pack.ts';

/** Gutter cleaning, downspouts, small repairs and gutter guards for homes. US 2025–26 prices. */
export const gutterCleaning = {
  id: 'gutter-cleaning',
  name: 'Gutter cleaning',
  schemaOrgType: 'HomeAndConstructionBusiness',
  asset: null,
  services: [
    { name: 'Gutter cleaning (one story)', description: 'Every gutter cleared by hand, debris bagged and hauled away, downspouts flushed and the roof edge blown off.', durationMinutes: 60, priceCents: 12900, priceIsFrom: true },
    { name: 'Gutter cleaning (two story)', description: 'The same full clean for a two-story home, with before and after photos of every run.', durationMinutes: 90, priceCents: 18900, priceIsFrom: true },
    { name: 'Downspout unclogging', description: 'A blocked downspout cleared and flushed, and the underground drain tested where there is one.', durationMinutes: 30, priceCents: 7500, priceIsFrom: true },
    { name: 'Roof debris removal', description: 'Leaves, pine needles and sticks blown or swept off a walkable roof and out of the valleys, and hauled away.', durationMinutes: 60, priceCents: 9900, priceIsFrom: true },
    { name: 'Minor gutter repair', description: 'Loose hangers refastened, leaking seams and end caps resealed, and sagging runs re-pitched to drain.', durationMinutes: 60, priceCents: 12500, priceIsFrom: true },
    { name: 'Gutter guard installation', description: 'Stainless mesh guards fitted to freshly cleaned gutters so leaves stay out; priced by the foot after a look.', durationMinutes: 240, priceCents: 89900, priceIsFrom: true },
  ],
  faqs: [
    { question: 'How often should gutters be cleaned?', answer: 'Twice a year for most homes, in late spring and after the leaves fall. Homes under pine or oak trees often need three or four cleanings.' },
    { question: 'Do I need to be home?', answer: 'No. Unlock any side gates and keep pets inside. We text you when we are done, with photos of the clean gutters.' },
    { question: 'What if a downspout is clogged underground?', answer: 'We flush it and test the drain. If it is crushed or blocked by roots, we tell you and quote the fix before doing anything.' },
    { question: 'Are gutter guards worth it?', answer: 'If tall trees shed onto your roof, usually yes: good mesh guards cut cleanings to about one check-up a year. They are not maintenance-free, and we say so.' },
    { question: 'Do you work on steep or tall roofs?', answer: 'We clean most one and two story homes from ladders. Steep roofs and three story homes need a look first so we can plan a safe way up.' },
    { question: 'Can overflowing gutters cause damage?', answer: 'Yes. Water that spills over can rot fascia boards, stain siding and pool against the foundation, which is why regular cleaning pays for itself.' },
  ],
  policies: {
    weather: 'We do not climb ladders in rain, ice, lightning or high wind. If the forecast turns, we text you to move your cleaning to the next dry day at no charge.',
    cancellation: 'Please cancel or move at least 24 hours ahead. Late cancellations may be charged a $35 fee.',
    deposit: 'No deposit for cleaning or repairs. Gutter guard installations need a 30% deposit so we can order materials; it comes off the final bill.',
  },
  ivr: {
    greeting: 'Thanks for calling {business}. We keep your gutters flowing and your basement dry.',
    info: 'We clean gutters by hand, flush every downspout and haul the mess away, with before and after photos. One-story homes start at $129 and two-story homes at $189, and we install gutter guards too. Book online or stay on the line to talk to us.',
    jokes: [
      'What did the leaf say to the gutter? I am falling for you. Thanks for calling!',
      'Why did the gutter get a promotion? It was great at channeling its energy. Thanks for calling!',
      'Why do gutter cleaners make good friends? They always know how to go with the flow. Thanks for calling!',
    ],
  },
  sms: {
    reminder: 'Hi {customer}, {business} here: your {service} is {when}. You do not need to be home; please unlock any side gates. Reply R to reschedule.',
    followUp: 'Thanks {customer}, your gutters are clear and every downspout is flowing! Questions about the job or the photos? Just reply. - {business}',
    reviewRequest: 'Hi {customer}, thanks for choosing {business}! A quick review helps neighbors find a crew they can trust: {link}',
    info: '{business}: gutter cleaning from $129 (one story) or $189 (two story), downspouts from $75, gutter guards installed. Book: {link} or call {phone}',
    missedCall: 'Sorry we missed your call at {business}, we are probably up a ladder! Reply with your address and how many stories, or book at {link}',
  },
  agentInstructions:
    'You are the friendly assistant of a gutter cleaning company. Help customers book a gutter cleaning, downspout unclogging, roof debris removal, a small repair or a gutter guard estimate with the booking tools. Ask how many stories the home has, roughly its size, how steep the roof is, whether trees hang over it and whether there are guards already, because they set the time and price. Quote only the prices listed for this business; gutter guards are priced after a look. Never promise to fix a roof leak, rotten fascia or a wet basement, never promise work on steep roofs or three story homes until the owner has checked it is safe, and never promise an exact arrival time: weather moves ladder work.',
  website: {
    headline: 'Clean gutters, dry basement, no ladder for you',
    tagline: 'Hand-cleaned gutters, flushed downspouts and before and after photos, from a local crew.',
    about:
      'We are a local, owner-run gutter cleaning crew. We clear every gutter by hand, bag and haul away the mess, flush each downspout and send you photos so you can see the work without climbing a ladder. We fix small leaks and sagging runs on the spot and install mesh guards for homes under heavy trees. Fully insured, on time and tidy.',
    callToAction: 'Book a gutter cleaning',
  },
} satisfies IndustryPack;
