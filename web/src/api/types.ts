// The shapes of the ServicePro HTTP API, taken from the API itself: each route group is a chained
// Hono app, so Hono's client types read every handler's JSON answer (`InferResponseType`). Nothing
// here is written twice; a change to a handler's answer shows up here, and in the pages, at once.
// Type-only imports: none of api/ is bundled into the web app.
import type { Hono } from 'hono';
import type { hc, InferResponseType } from 'hono/client';
import type { adminAuditRoutes } from '../../../api/admin/audit.ts';
import type { adminTenantRoutes } from '../../../api/admin/tenants.ts';
import type { authRoutes } from '../../../api/auth/routes.ts';
import type { tenantRoutes } from '../../../api/tenants/routes.ts';
import type { industryPackRoutes } from '../../../api/industry-packs.ts';
import type { inviteRoutes } from '../../../api/members/accept.ts';
import type { memberRoutes } from '../../../api/members/routes.ts';
import type { signupRoutes } from '../../../api/onboarding/signup.ts';
import type { siteTemplateRoutes } from '../../../api/sites/templates-route.ts';

type Client<App extends Hono<any, any, any>> = ReturnType<typeof hc<App>>;
type AuthApi = Client<ReturnType<typeof authRoutes>>;
type AdminApi = Client<ReturnType<typeof adminTenantRoutes>>;
type AuditApi = Client<ReturnType<typeof adminAuditRoutes>>;
type TenantApi = Client<ReturnType<typeof tenantRoutes>>;
type InviteApi = Client<ReturnType<typeof inviteRoutes>>;
type MemberApi = Client<ReturnType<typeof memberRoutes>>;
type SignupApi = Client<ReturnType<typeof signupRoutes>>;
type IndustryPackApi = Client<ReturnType<typeof industryPackRoutes>>;
type SiteTemplatesApi = Client<ReturnType<typeof siteTemplateRoutes>>;
type Ok<Endpoint> = InferResponseType<Endpoint, 200>;

export type { IvrMode, TenantStatus, TenantTier as Tier } from '../../../domain/tenancy.ts';
export { TENANT_STATUSES, TENANT_TIERS as TIERS } from '../../../domain/tenancy.ts';
export type { CreateTenantInput, UpdateTenantInput } from '../../../domain/inputs/tenant.ts';
export type { PhoneSettingsInput as PhoneSettingsChanges } from '../../../domain/inputs/phone-settings.ts';

// Accounts
export type LoginResponse = Ok<AuthApi['login']['$post']>;
export type User = Ok<AuthApi['me']['$get']>['user'];
export type Membership = User['memberships'][number];
export type Role = Membership['role'];
export type InvitePreview = Ok<InviteApi['preview']['$post']>['invite'];
export type AcceptedInvite = Ok<InviteApi['accept']['$post']>;

// The trades a business starts from (GET /api/industry-packs, public)
export type IndustryPackChoice = Ok<IndustryPackApi['index']['$get']>['packs'][number];

// A business's team
export type Team = Ok<MemberApi['index']['$get']>;
export type TeamMember = Team['members'][number];
export type PendingInvite = Team['invites'][number];
export type SentInvite = InferResponseType<MemberApi['index']['$post'], 201>['invite'];

// The root dashboard
export type RegistryPage = Ok<AdminApi['index']['$get']>;
export type Tenant = RegistryPage['tenants'][number];
export type RegistrySummary = RegistryPage['summary'];
export type ViewAsSession = InferResponseType<AdminApi[':id']['view-as']['$post'], 201>;
export type AuditPage = Ok<AuditApi['index']['$get']>;
export type AuditEntry = AuditPage['entries'][number];
export type { RegistryQuery } from '../../../domain/inputs/registry-query.ts';
export type { AuditQuery } from '../../../domain/inputs/audit-query.ts';

// One business's area
export type TenantSummary = Ok<TenantApi['index']['$get']>['tenant'];
export type Dashboard = Ok<TenantApi['dashboard']['$get']>['dashboard'];
export type SetupStep = Dashboard['setup'][number]['step'];
export type PhoneSettings = Ok<TenantApi['phone-settings']['$get']>['phoneSettings'];
export type CallsPage = Ok<TenantApi['calls']['$get']>;
export type CallEntry = CallsPage['calls'][number];
export type CallOutcome = CallEntry['outcome'];
export type VoicemailsPage = Ok<TenantApi['voicemails']['$get']>;
export type VoicemailEntry = VoicemailsPage['voicemails'][number];
export type MessagesPage = Ok<TenantApi['messages']['$get']>;
/** A text as the list shows it: with the business's time zone (sent once per page) beside it. */
export type MessageEntry = MessagesPage['messages'][number] & { timeZone: string };
export type MessageStatus = MessageEntry['status'];
export type SimulatedCall = Ok<TenantApi['simulator']['calls']['$post']>['call'];
export type TranscriptLine = SimulatedCall['lines'][number];

// The customer book
export type CustomersPage = Ok<TenantApi['customers']['$get']>;
export type CustomerListEntry = CustomersPage['customers'][number];
export type CustomerPage = Ok<TenantApi['customers'][':id']['$get']>;
export type Customer = CustomerPage['customer'];
export type CustomerAsset = CustomerPage['assets'][number];
export type AssetLabel = NonNullable<CustomerPage['assetLabel']>;
export type CustomerHistoryEntry = CustomerPage['history'][number];
export type { CustomerCreateInput, CustomerUpdateInput, AssetInput } from '../../../domain/inputs/customer.ts';

// Billing and exports
export type Billing = Ok<TenantApi['billing']['$get']>['billing'];
export type BillingPlan = Billing['plans'][number];
export type BillingInvoice = Billing['invoices'][number];
export type UsagePrices = Billing['usagePrices'];
export type PlanChange = NonNullable<Ok<TenantApi['billing']['plan']['$post']>['change']>;
export type DataExport = Ok<TenantApi['exports']['$get']>['exports'][number];

// Carrier registration for texting (A2P 10DLC)
export type Registration = Ok<TenantApi['carrier-registration']['$get']>['registration'];
export type RegistrationFix = Registration['fixes'][number];
export type { RegistrationState } from '../../../domain/carrier-registration/states.ts';
export { REGISTRATION_STATES } from '../../../domain/carrier-registration/states.ts';
export type { CampaignWordingInput } from '../../../domain/inputs/carrier-registration.ts';
// The website
export type OwnerSite = Ok<TenantApi['site']['$get']>['site'];
export type SiteTemplateOption = OwnerSite['templates'][number];
export type WebsiteRequestEntry = Ok<TenantApi['site']['requests']['$get']>['requests'][number];
export type { SiteUpdateInput } from '../../../domain/inputs/site.ts';
export type { SiteContentInput } from '../../../domain/sites/content.ts';
export type ExportProgress = NonNullable<DataExport['progress']>;

/** One page of a newest-first list ("Show older" asks for the next). */
export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every API error body: `{ error: { code, message, fields? } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

// Signing up and the setup wizard
export type SignupAnswer = InferResponseType<SignupApi['index']['$post'], 201>;
export type OnboardingProgress = Ok<TenantApi['onboarding']['$get']>;
export type OnboardingStep = OnboardingProgress['steps'][number]['name'];
export type OnboardingStatus = OnboardingProgress['status'];
export type AvailableNumber = Ok<TenantApi['onboarding']['available-numbers']['$get']>['numbers'][number];
export type SiteTemplate = Ok<SiteTemplatesApi['index']['$get']>['templates'][number];
