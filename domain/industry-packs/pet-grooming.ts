import type { IndustryPack } from './pack.ts';

/** Dog and cat grooming, salon or mobile van. Prices by dog size, US 2025–26. */
export const petGrooming = {
  id: 'pet-grooming',
  name: 'Pet grooming',
  // schema.org has no grooming subtype (PetStore is a shop): the plain type fits best.
  schemaOrgType: 'LocalBusiness',
  asset: { singular: 'pet', plural: 'pets' },
  services: [
    { name: 'Bath & brush', description: 'Gentle shampoo, blow-dry and brush-out, nail trim, ear cleaning and a light spritz of cologne.', durationMinutes: 60, priceCents: 5000, priceIsFrom: true },
    { name: 'Full groom (small dog)', description: 'Bath and brush plus a breed or custom haircut, sanitary trim and tidy paw pads, for dogs up to 25 lb.', durationMinutes: 90, priceCents: 7000, priceIsFrom: true },
    { name: 'Full groom (medium dog)', description: 'Bath and brush plus a breed or custom haircut, sanitary trim and tidy paw pads, for dogs of 26 to 50 lb.', durationMinutes: 120, priceCents: 8500, priceIsFrom: true },
    { name: 'Full groom (large dog)', description: 'Bath and brush plus a haircut for dogs over 50 lb, doodles and double coats included.', durationMinutes: 150, priceCents: 11000, priceIsFrom: true },
    { name: 'Nail trim & grind', description: 'Nails clipped and smoothed with a quiet grinder so they do not snag. No appointment too short.', durationMinutes: 15, priceCents: 2000, priceIsFrom: false },
    { name: 'De-shedding treatment', description: 'Conditioning soak and undercoat removal that cuts shedding at home for weeks; add it to any bath.', durationMinutes: 45, priceCents: 3500, priceIsFrom: true },
    { name: 'Cat groom', description: 'Bath, blow-dry, comb-out and nail trim, or a lion cut for a matted coat, by a cat-savvy groomer.', durationMinutes: 90, priceCents: 9000, priceIsFrom: true },
    { name: 'Puppy first groom', description: 'A short, gentle first visit for puppies under six months: bath, face and feet tidy, nails and plenty of treats.', durationMinutes: 45, priceCents: 4500, priceIsFrom: false },
  ],
  faqs: [
    { question: 'What vaccinations does my pet need?', answer: 'A current rabies vaccination for every dog and cat; please bring or send the record before the first visit. We also ask that dogs are up to date on bordetella.' },
    { question: 'How long will my dog be with you?', answer: 'About two to three hours for a full groom. We text you as soon as your dog is ready, so nobody waits in a crate longer than needed.' },
    { question: 'My dog is matted. Can you brush it out?', answer: 'Light tangles, yes. Tight matting hurts to brush out, so we may shave under it and let the coat grow back; we always call you before we do.' },
    { question: 'Do you sedate pets?', answer: 'Never. If a pet is too stressed to groom safely, we stop, call you and plan a shorter visit or suggest a vet-supervised groom.' },
    { question: 'How often should my dog be groomed?', answer: 'Every six to eight weeks for most haircut breeds, and every eight to twelve for short coats. Nail trims every month keep paws comfortable.' },
    { question: 'Can I stay with my pet?', answer: 'Most pets settle faster when their people are not in sight, so we ask you to drop off. You are welcome to see the grooming area first.' },
  ],
  policies: {
    weather: 'Our salon stays open in most weather. On snow or ice days we text you to move the appointment at no charge; never drive your pet in unsafe conditions for us.',
    cancellation: 'Please give 24 hours notice to cancel or move. Late cancellations and no-shows are charged $25, and after two no-shows we ask for a deposit to book.',
    deposit: 'New clients booking a large-dog groom or a cat groom pay a $20 deposit, which comes off the groom. Regular clients book without one.',
  },
  ivr: {
    greeting: 'Thanks for calling {business}, where dogs and cats leave clean, happy and fluffy.',
    info: 'We groom dogs of every size, and cats too. Baths start at $50, full grooms at $70 for small dogs and $110 for large dogs, and nail trims are $20. Book online or stay on the line to talk to us.',
    jokes: [
      "What is a groomer's favorite kind of weather? When it is raining cats and dogs. Thanks for calling!",
      'What do you call a dog fresh out of the bath? Spotless. Thanks for calling!',
      'Why did the poodle love the groomer? She always left feeling paw-sitively fabulous. Thanks for calling!',
    ],
  },
  sms: {
    reminder: "Hi {customer}, {business} here: your pet's {service} is {when}. Please walk them first and bring their rabies record. Reply R to reschedule.",
    followUp: 'Thanks for visiting {business}, {customer}! We loved having your pet. Most coats stay easy to brush with a groom every 6 to 8 weeks. Reply to book.',
    reviewRequest: 'Hi {customer}, how does your pet look? A quick review of {business} helps other pet parents find us: {link}',
    info: '{business}: baths from $50, full grooms from $70 (small dogs) to $110 (large dogs), cat grooms from $90, nail trims $20. Book: {link} or call {phone}',
    missedCall: "Sorry we missed your call at {business}, our hands are full of suds! Reply with your pet's breed and what they need, or book at {link}",
  },
  agentInstructions:
    "You are the friendly assistant of a pet grooming business. Help pet parents choose a bath, groom or nail trim and book it with the booking tools. Ask for the pet's species, breed, weight, age, coat condition (tangles or matting) and anything the groomer should know about health or behavior, because they set the time and price. Quote only the prices listed for this business and say a matted or very large coat may cost more once the groomer sees it. Never promise a particular haircut length on a matted coat (it may have to be shaved for the pet's comfort), never give medical advice or guess at skin, ear or eye problems (suggest a vet), never say we sedate pets, and never promise a pick-up time to the minute. Every pet needs a current rabies vaccination.",
  website: {
    headline: 'Happy pets, fresh coats, gentle hands',
    tagline: 'Dog and cat grooming by patient groomers who treat your pet like family.',
    about:
      'We are a small, owner-run grooming studio. Every pet gets a calm, unhurried groom from people who love animals, with gentle products, no sedation and no long waits in a crate: we text you the moment your pet is ready. From a first puppy visit to a senior dog who needs extra care, we will make grooming day a good day.',
    callToAction: 'Book a groom',
  },
} satisfies IndustryPack;
