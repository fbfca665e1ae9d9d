import { createHash, randomBytes } from 'node:crypto';

// The sandbox's memory of carrier registration: Trust Hub bundles, brands, Messaging Services and
// campaigns, each review moving on as it is polled, and the controls a test (or a developer) uses
// to make Twilio refuse something or lose an answer. One store per sandbox account.

export type ReviewKind = 'profile' | 'brand' | 'campaign';

export interface TwilioRefusal {
  code: number;
  description: string;
  fields?: string[];
}

/** A submission under review: its status moves on with each fetch (Twilio's vetting, compressed). */
export interface Review {
  status: string;
  fetches: number;
  errors: TwilioRefusal[];
  /** The verdict this submission will get once reviewed (a queued refusal, or approval). */
  verdict: TwilioRefusal[] | null;
}

export interface Bundle extends Review {
  sid: string;
  kind: 'CustomerProfiles' | 'TrustProducts';
  friendlyName: string;
  email: string;
  policySid: string;
  statusCallback: string | null;
  entities: string[];
  dateCreated: string;
}

export interface Brand extends Review {
  sid: string;
  customerProfileBundleSid: string;
  a2pProfileBundleSid: string;
  brandType: string;
  mock: boolean;
  dateCreated: string;
}

export interface Campaign extends Review {
  sid: string;
  messagingServiceSid: string;
  fields: Record<string, unknown>;
  dateCreated: string;
}

export interface Service {
  sid: string;
  friendlyName: string;
  phoneNumbers: Map<string, string>;
  dateCreated: string;
}

/** Statuses each kind of review goes through: submitted → in review → approved | refused. */
export const REVIEW_STATUSES: Record<ReviewKind, { submitted: string; inReview: string; approved: string; refused: string }> = {
  profile: { submitted: 'pending-review', inReview: 'in-review', approved: 'twilio-approved', refused: 'twilio-rejected' },
  brand: { submitted: 'PENDING', inReview: 'IN_REVIEW', approved: 'APPROVED', refused: 'FAILED' },
  campaign: { submitted: 'PENDING', inReview: 'IN_PROGRESS', approved: 'VERIFIED', refused: 'FAILED' },
};

export const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
/** Every number "belongs" to the sandbox account: its PN sid is derived from the number. */
export const phoneNumberSid = (number: string) => `PN${createHash('md5').update(number).digest('hex')}`;

export function createA2pStore() {
  const bundles = new Map<string, Bundle>();
  const endUsers = new Map<string, { sid: string; type: string; friendlyName: string; attributes: unknown }>();
  const brands = new Map<string, Brand>();
  const services = new Map<string, Service>();
  const campaigns = new Map<string, Campaign>();
  const numbersBySid = new Map<string, string>();
  const refusals: Record<ReviewKind, TwilioRefusal[][]> = { profile: [], brand: [], campaign: [] };
  const lostAnswers: Record<ReviewKind | 'service', number> = { profile: 0, brand: 0, campaign: 0, service: 0 };
  const submissions: Record<ReviewKind, number> = { profile: 0, brand: 0, campaign: 0 };
  let reviewFetches = 2;

  return {
    bundles,
    endUsers,
    brands,
    services,
    campaigns,
    numbersBySid,
    /** A (re)submission: counted, and given its verdict now (the next queued refusal, or approval). */
    submit(kind: ReviewKind, review: Review) {
      submissions[kind] += 1;
      Object.assign(review, { status: REVIEW_STATUSES[kind].submitted, fetches: 0, errors: [], verdict: refusals[kind].shift() ?? null });
    },
    /** A fetch of a review: in review after the first, decided after `reviewFetches`. */
    advance(kind: ReviewKind, review: Review) {
      const statuses = REVIEW_STATUSES[kind];
      if (review.status !== statuses.submitted && review.status !== statuses.inReview) return;
      review.fetches += 1;
      if (review.fetches < reviewFetches) review.status = statuses.inReview;
      else if (review.verdict) Object.assign(review, { status: statuses.refused, errors: review.verdict });
      else review.status = statuses.approved;
    },
    /** True (once per count) when this create should be stored but its answer lost, as after a timeout. */
    loseAnswer(kind: ReviewKind | 'service') {
      if (lostAnswers[kind] === 0) return false;
      lostAnswers[kind] -= 1;
      return true;
    },
    controls: {
      /** The next submission of `kind` is refused with these errors once reviewed. */
      refuseNext(kind: ReviewKind, errors: TwilioRefusal[]) {
        refusals[kind].push(errors);
      },
      /** The next `count` creates of `kind` are stored, but answered with a 500 (the caller cannot know they worked). */
      loseNextAnswers(kind: ReviewKind | 'service', count = 1) {
        lostAnswers[kind] = count;
      },
      /** Lost answers still to come, per kind (0 once each has happened). */
      lostAnswersLeft: () => ({ ...lostAnswers }),
      /** How many fetches a review takes to be decided (default 2). */
      setReviewFetches(count: number) {
        reviewFetches = count;
      },
      /** Accepted submissions of each kind: the fees a real account would have paid (profiles are free). */
      submissions: () => ({ ...submissions }),
      brands: () => [...brands.values()],
      campaigns: () => [...campaigns.values()],
      services: () => [...services.values()],
      bundles: () => [...bundles.values()],
      reset() {
        for (const map of [bundles, endUsers, brands, services, campaigns]) map.clear();
        for (const kind of ['profile', 'brand', 'campaign'] as const) {
          refusals[kind] = [];
          submissions[kind] = 0;
        }
        Object.assign(lostAnswers, { profile: 0, brand: 0, campaign: 0, service: 0 });
        reviewFetches = 2;
      },
    },
  };
}

export type A2pStore = ReturnType<typeof createA2pStore>;
