// The public pages carriers check before they approve a campaign: the business's site, and on it
// the SMS opt-in form, the privacy policy and the terms. The website (api/sites) serves them at
// these paths under PUBLIC_BASE_URL.

export interface RegistrationPages {
  home: string;
  optIn: string;
  privacy: string;
  terms: string;
}

export function registrationPages(baseUrl: string, slug: string): RegistrationPages {
  const home = `${baseUrl.replace(/\/$/, '')}/s/${encodeURIComponent(slug)}`;
  return { home, optIn: `${home}/sms-opt-in`, privacy: `${home}/privacy`, terms: `${home}/terms` };
}

/** What each page is called when a check of it fails, in the owner's words. */
export const PAGE_NAMES: Record<keyof RegistrationPages, string> = {
  home: 'website home page',
  optIn: 'SMS sign-up (opt-in) page',
  privacy: 'privacy policy page',
  terms: 'terms page',
};
