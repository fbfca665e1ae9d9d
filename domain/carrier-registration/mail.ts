import type { Fix } from './refusals.ts';

// The emails that tell an owner how carrier registration went: approved (texts now go from the
// business's own number), or what to fix before it is submitted again.

export function registrationApprovedMail(input: { businessName: string; link: string }) {
  return {
    subject: `${input.businessName} is approved for business texting`,
    text: [
      `Good news: US carriers approved ${input.businessName} for business texting.`,
      '',
      'From now on your texts to customers go out from your own business number. Until today they went from the ServicePro number, so nothing you sent was lost.',
      '',
      'Your dashboard:',
      input.link,
    ].join('\n'),
  };
}

export function registrationActionMail(input: { businessName: string; link: string; fixes: Fix[] }) {
  return {
    subject: `Action needed: business texting registration for ${input.businessName}`,
    text: [
      `US carriers need a change before they approve ${input.businessName} for business texting:`,
      '',
      ...input.fixes.map((fix) => `• ${fix.message}`),
      '',
      'Make the change on your dashboard and submit again (each submission is reviewed by hand and charged by the carriers, so we check it first):',
      input.link,
      '',
      'Until then your texts to customers keep going out from the ServicePro number.',
    ].join('\n'),
  };
}
