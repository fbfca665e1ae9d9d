import type { IndustryPack } from './pack.ts';

/** Residential pool cleaning and care: weekly service, one-time cleans, openings and closings. US 2025–26 prices. */
export const poolService = {
  id: 'pool-service',
  name: 'Pool service',
  schemaOrgType: 'HomeAndConstructionBusiness',
  asset: { singular: 'pool', plural: 'pools' },
  services: [
    { name: 'Weekly pool service', description: 'Skim, brush, vacuum, empty the baskets, and test and balance the water every week, chemicals included. Billed per visit.', durationMinutes: 45, priceCents: 4500, priceIsFrom: true },
    { name: 'One-time pool cleaning', description: 'A full clean for a pool that needs catching up: skimmed, brushed, vacuumed, baskets emptied and water balanced.', durationMinutes: 90, priceCents: 16900, priceIsFrom: true },
    { name: 'Green pool cleanup', description: 'Green or cloudy water shocked, vacuumed and filtered back to clear over several visits; chemicals billed at cost.', durationMinutes: 180, priceCents: 39900, priceIsFrom: true },
    { name: 'Filter cleaning', description: 'Cartridge or DE filter taken apart, cleaned and recharged, or a sand filter backwashed and checked.', durationMinutes: 60, priceCents: 12900, priceIsFrom: true },
    { name: 'Pool opening', description: 'Cover off and cleaned, equipment started and checked, and the water balanced and shocked for swim season.', durationMinutes: 120, priceCents: 29900, priceIsFrom: true },
    { name: 'Pool closing', description: 'Water lowered, lines blown out and plugged, winter chemicals added and the cover put on tight.', durationMinutes: 120, priceCents: 27900, priceIsFrom: true },
    { name: 'Equipment check', description: 'Pump, filter, heater or salt cell looked over and diagnosed; any repair is quoted before we do it.', durationMinutes: 60, priceCents: 9500, priceIsFrom: true },
  ],
  faqs: [
    { question: 'Do I need to be home?', answer: 'No. Leave the gate unlocked and pets inside. We text you after each visit with what we did and your water readings.' },
    { question: 'Are chemicals included?', answer: 'Yes, for weekly service: chlorine, acid and the everyday balancing chemicals. Extra chemicals for a green pool, and parts, are billed at cost.' },
    { question: 'My pool turned green. What now?', answer: 'Book a green pool cleanup. We shock and filter it back to clear over a few visits; most pools are blue again within a week.' },
    { question: 'Do you service saltwater pools?', answer: 'Yes. We check and clean salt cells as part of regular service and balance the water the same way.' },
    { question: 'When should I open or close my pool?', answer: 'Open when days are reliably above 70 degrees, and close once the water stays under 65. We book openings and closings early, so reserve a date ahead.' },
    { question: 'How often should the filter be cleaned?', answer: 'Every three to six months for most pools, more often after storms, pollen season or a green cleanup.' },
  ],
  policies: {
    weather: 'We service pools in light rain, but lightning means we leave the water right away and come back the next day. After a big storm, an extra visit to clear debris is billed at our one-time cleaning rate.',
    cancellation: 'Weekly service can be paused or stopped with 7 days notice. One-time visits need 24 hours notice to cancel, or a $40 trip fee applies.',
    deposit: 'Openings, closings and green pool cleanups need a 50% deposit to book. Chemicals and parts beyond the service are billed at cost after the work.',
  },
  ivr: {
    greeting: 'Thanks for calling {business}, pool cleaning and care so you can just swim.',
    info: 'We keep pools clean, clear and balanced. Weekly service starts at $45 a visit with chemicals included, one-time cleans at $169 and green pool rescues at $399, and we open and close pools too. Book online or stay on the line to talk to us.',
    jokes: [
      'Why did the algae leave the pool? It could not handle the chlorine drama. Thanks for calling!',
      'What is a pool cleaner\'s favorite workout? The backstroke, with a little backwash. Thanks for calling!',
      'Why do pool filters make great friends? They always let the little things go. Thanks for calling!',
    ],
  },
  sms: {
    reminder: 'Hi {customer}, {business} here: your {service} is {when}. Please unlock the gate and keep pets inside while we work. Reply R to reschedule.',
    followUp: 'Thanks {customer}, your {service} is done and the water is balanced! If we shocked it, please swim after the time on the tag we left. - {business}',
    reviewRequest: 'Hi {customer}, loving that clear water? A quick review of {business} would help our small team a lot: {link}',
    info: '{business}: weekly pool service from $45 a visit, chemicals included. One-time clean from $169, filter clean from $129, openings from $299. Book: {link}',
    missedCall: 'Sorry we missed your call at {business}, we are probably poolside! Reply with your address and what your pool needs, or book at {link}',
  },
  agentInstructions:
    'You are the friendly assistant of a pool service company. Help customers choose weekly service, a one-time or green pool cleanup, a filter clean, an opening or a closing, and book it with the booking tools. Ask whether the pool is chlorine or salt, in-ground or above-ground, about how big it is, how the water looks now (clear, cloudy or green) and what equipment it has, because they set the time and price. Quote only the prices listed for this business. Never tell anyone the water is safe to swim in (that depends on testing on site), never promise a green pool will be clear by a date, and never diagnose or price an equipment repair, a leak or a crack before a technician has looked. We do no electrical work.',
  website: {
    headline: 'Crystal-clear water, every week',
    tagline: 'Weekly pool cleaning, repairs, openings and closings from a local team you can count on.',
    about:
      'We are a local, owner-run pool service. Every week we skim, brush, vacuum, empty the baskets and balance your water, with chemicals included, and text you a report with your readings after each visit. When a storm turns the water green or it is time to open or close for the season, we handle that too, so all you do is swim.',
    callToAction: 'Start pool service',
  },
} satisfies IndustryPack;
