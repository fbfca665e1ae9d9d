import type { IndustryPack } from './pack.ts';

/** Residential lawn care: mowing, feeding, aeration and seasonal cleanups. Prices: typical US suburban lot, 2025–26. */
export const lawnCare = {
  id: 'lawn-care',
  name: 'Lawn care',
  schemaOrgType: 'HomeAndConstructionBusiness',
  asset: null,
  services: [
    { name: 'Lawn mowing', description: 'Mow, string-trim around beds and fences, edge the walks and drive, and blow clippings off hard surfaces.', durationMinutes: 45, priceCents: 4500, priceIsFrom: true },
    { name: 'Fertilizer & weed control', description: 'One seasonal application of slow-release fertilizer with spot treatment for broadleaf weeds.', durationMinutes: 30, priceCents: 6500, priceIsFrom: true },
    { name: 'Core aeration', description: 'Pulls plugs across the lawn to loosen compacted soil so water, air and feed reach the roots.', durationMinutes: 60, priceCents: 13900, priceIsFrom: true },
    { name: 'Aeration & overseeding', description: 'Core aeration followed by a quality seed blend for your sun and shade, to thicken thin and patchy turf.', durationMinutes: 90, priceCents: 22900, priceIsFrom: true },
    { name: 'Spring or fall cleanup', description: 'Leaves, sticks and storm debris cleared from the lawn and beds, beds edged, and everything hauled away.', durationMinutes: 180, priceCents: 27900, priceIsFrom: true },
    { name: 'Hedge & shrub trimming', description: 'Hedges and shrubs shaped by hand and with trimmers, clippings raked up and removed.', durationMinutes: 90, priceCents: 9500, priceIsFrom: true },
    { name: 'Mulch refresh', description: 'Beds weeded and edged, then up to three cubic yards of fresh mulch spread two to three inches deep.', durationMinutes: 150, priceCents: 25900, priceIsFrom: true },
  ],
  faqs: [
    { question: 'How often should my lawn be mowed?', answer: 'Weekly from spring through early summer while grass grows fast, then every one or two weeks as it slows. We never cut more than a third of the blade at once, which keeps the lawn green.' },
    { question: 'Do I need to be home?', answer: 'No. Leave the gate unlocked and pets inside, and we will text you when the crew is done.' },
    { question: 'Are your treatments safe for kids and pets?', answer: 'We use products labeled for home lawns and follow the label. Keep children and pets off a treated lawn until it has dried, usually a few hours; we leave a flag so you know.' },
    { question: 'Do you bag the clippings?', answer: 'We mulch them back into the lawn, which feeds it for free. If you would rather have them bagged and hauled away, just ask; it adds a small charge.' },
    { question: 'How do you price my lawn?', answer: 'By the size of the lawn and how long it takes. Most city and suburban lots fall in our starting price; large or overgrown lawns get a quote after a quick look.' },
    { question: 'Do you offer seasonal plans?', answer: 'Yes. A season of weekly mowing plus the treatments your lawn needs is billed per visit, and you can pause any week by texting us.' },
  ],
  policies: {
    weather:
      'Rain moves the mower, not you: if the grass is too wet to cut without rutting the lawn, we come the next dry day and text you the new day. Treatments are never put down before heavy rain or in high wind, so they stay where they belong.',
    cancellation: 'Skip or pause a visit by texting us by 5 PM the day before. If the crew cannot get in (a locked gate, a dog in the yard), the visit is charged at half price.',
    deposit: 'No deposit for mowing or treatments. Cleanups and mulch jobs over $300 need a 25% deposit to hold the date; it comes off the final bill.',
  },
  ivr: {
    greeting: 'Thanks for calling {business}, lawn care for your neighborhood.',
    info: 'We mow, feed and clean up lawns so you get your weekends back. Weekly mowing starts at $45, fertilizer and weed control at $65 a visit, and spring or fall cleanups at $279. Book online or stay on the line to talk to us.',
    jokes: [
      'Why did the lawn mower get a promotion? It was outstanding in its field. Thanks for calling!',
      'Why was the lawn mower so calm? It knew how to cut it close. Thanks for calling!',
      'What did the grass say after its first mow of spring? I feel like a cut above the rest. Thanks for calling!',
    ],
  },
  sms: {
    reminder: 'Hi {customer}, {business} here: your {service} is {when}. Please leave the gate unlocked and pets inside. Reply R to reschedule.',
    followUp: 'Thanks {customer}, your {service} is done! Give a treated lawn a few hours to dry before kids and pets play on it. Questions? Just reply. - {business}',
    reviewRequest: 'Hi {customer}, thanks for trusting {business} with your yard. Would you leave us a quick review? It helps a small local crew a lot: {link}',
    info: '{business}: weekly mowing from $45, fertilizer and weed control from $65, aeration from $139, cleanups from $279. Book: {link} or call {phone}',
    missedCall: 'Sorry we missed your call at {business}, we are probably behind a mower! Reply with your address and what your yard needs, or book at {link}',
  },
  agentInstructions:
    'You are the friendly assistant of a local lawn care company. Help customers choose mowing, treatments, aeration or a cleanup and book it with the booking tools. Ask for the address, roughly how big the lawn is (small city lot, average suburban yard, an acre or more), and whether there is a locked gate or a dog, because they change the time and the price. Quote only the prices listed for this business, and say that large or overgrown lawns are quoted after a look. Never promise a weed-free or green lawn by a date, never promise that a treated lawn is safe for pets or children right away (they stay off until it dries, as the label says), and never promise an exact arrival time: rain moves mowing days.',
  website: {
    headline: 'A lawn you are proud of, without lifting a finger',
    tagline: 'Weekly mowing, feeding and seasonal cleanups from a local crew that shows up when it says.',
    about:
      'We are a small, owner-run lawn care crew that treats every yard like our own. We mow on the same day each week, feed and aerate when your grass needs it, and clear the leaves every spring and fall. You get a text when we are on the way and another when we are done, and you can pause or skip any week with a reply.',
    callToAction: 'Get on the schedule',
  },
} satisfies IndustryPack;
