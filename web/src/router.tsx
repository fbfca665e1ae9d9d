// The app's pages and who may see them, with TanStack Router: typed paths and params, a sign-in
// guard that remembers the page asked for, and each page's code loaded when it is first opened.
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import type { AuthState } from './auth/AuthContext.tsx';
import { RootLayout, TopLevelNotFound } from './components/RootLayout.tsx';
import { sectionTitle, type TenantPathSection } from './components/tenant/sections.ts';
import { homeFor } from './lib/home.ts';
import { parseAuditSearch, parseRegistrySearch } from './lib/registry-search.ts';
import { parseCalendarSearch } from './lib/calendar-search.ts';
import { parseCustomerSearch } from './lib/customer-search.ts';
import { returnPath, signInSearch } from './lib/return-to.ts';
import type { OnboardingStep } from './api/types.ts';
import { isSetupStep } from './pages/setup/steps.ts';

export interface RouterContext {
  auth: AuthState;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
  interface StaticDataRouteOption {
    /** The page's title, first in the browser tab: "Calls · Clean Machine Auto Detail · ServicePro". */
    title?: string;
  }
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: RootLayout, notFoundComponent: TopLevelNotFound });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  staticData: { title: 'Sign in' },
  // Only a path of this app is kept; anything else is dropped, never followed.
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const redirect = returnPath(search.redirect);
    return redirect ? { redirect } : {};
  },
  beforeLoad: ({ context, search }) => {
    if (context.auth.status === 'signed-in') throw redirect({ href: search.redirect ?? homeFor(context.auth.user), replace: true });
  },
  component: lazyRouteComponent(() => import('./pages/LoginPage.tsx'), 'LoginPage'),
});

// The pages an emailed link opens, and asking for one: no sign-in needed (the link's token is the proof).
const account = (path: '/invite' | '/forgot-password' | '/reset-password', title: string, component: ReturnType<typeof lazyRouteComponent>) =>
  createRoute({ getParentRoute: () => rootRoute, path, staticData: { title }, component });
const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signup',
  staticData: { title: 'Start your free trial' },
  beforeLoad: ({ context }) => {
    if (context.auth.status === 'signed-in') throw redirect({ href: homeFor(context.auth.user), replace: true });
  },
  component: lazyRouteComponent(() => import('./pages/signup/SignupPage.tsx'), 'SignupPage'),
});

const accountRoutes = [
  account('/invite', 'Accept your invite', lazyRouteComponent(() => import('./pages/account/AcceptInvitePage.tsx'), 'AcceptInvitePage')),
  account('/forgot-password', 'Forgot your password?', lazyRouteComponent(() => import('./pages/account/ForgotPasswordPage.tsx'), 'ForgotPasswordPage')),
  account('/reset-password', 'Choose a new password', lazyRouteComponent(() => import('./pages/account/ResetPasswordPage.tsx'), 'ResetPasswordPage')),
];

/** Every page below needs a signed-in user; a visitor is sent to sign in, and back here afterwards. */
const signedIn = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: ({ context, location }) => {
    const { auth } = context;
    if (auth.status !== 'signed-in') throw redirect({ to: '/login', search: signInSearch(location.href, auth.status === 'signed-out' && auth.onPurpose === true), replace: true });
    return { user: auth.user };
  },
});

const homeRoute = createRoute({
  getParentRoute: () => signedIn,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ href: homeFor(context.user), replace: true });
  },
});

const adminRoute = createRoute({
  getParentRoute: () => signedIn,
  path: '/admin',
  beforeLoad: () => {
    throw redirect({ to: '/admin/tenants', replace: true });
  },
});

const registryRoute = createRoute({
  getParentRoute: () => signedIn,
  path: '/admin/tenants',
  staticData: { title: 'Tenant registry' },
  // The search, filters, sort and page live in the URL, so a filtered view can be shared.
  validateSearch: parseRegistrySearch,
  component: lazyRouteComponent(() => import('./pages/TenantRegistryPage.tsx'), 'TenantRegistryPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => signedIn,
  path: '/admin/audit',
  staticData: { title: 'Audit log' },
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import('./pages/AuditLogPage.tsx'), 'AuditLogPage'),
});

const memberHomeRoute = createRoute({
  getParentRoute: () => signedIn,
  path: '/app',
  staticData: { title: 'Your businesses' },
  component: lazyRouteComponent(() => import('./pages/MemberHomePage.tsx'), 'MemberHomePage'),
});

/** `/t/:tenantId/...`: one business's own area, for its members and the platform owner. */
export const tenantRoute = createRoute({
  getParentRoute: () => signedIn,
  path: '/t/$tenantId',
  component: lazyRouteComponent(() => import('./components/tenant/TenantShell.tsx'), 'TenantShell'),
  notFoundComponent: lazyRouteComponent(() => import('./components/tenant/TenantShell.tsx'), 'SectionNotFound'),
});

/**
 * `/t/:tenantId/setup?step=…`: the setup wizard of a new business, on its own (no section tabs:
 * there is nothing in them yet). One chunk, loaded when opened.
 */
const setupRoute = createRoute({
  getParentRoute: () => signedIn,
  path: '/t/$tenantId/setup',
  staticData: { title: 'Set up your business' },
  validateSearch: (search: Record<string, unknown>): { step?: OnboardingStep } => (isSetupStep(search.step) ? { step: search.step } : {}),
  component: lazyRouteComponent(() => import('./pages/setup/SetupWizardPage.tsx'), 'SetupWizardPage'),
});

/** `/t/:tenantId`: the business's home page (the call log lives at /calls). */
const tenantHomeRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: '/',
  staticData: { title: sectionTitle('home') },
  component: lazyRouteComponent(() => import('./pages/tenant/dashboard/DashboardPage.tsx'), 'DashboardPage'),
});

/** `/t/:tenantId/home`: an address people may guess or type; the home page is /t/:tenantId. */
const tenantHomeAliasRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: 'home',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/t/$tenantId', params, replace: true });
  },
});

const section = <Path extends TenantPathSection>(path: Path, component: ReturnType<typeof lazyRouteComponent>) =>
  createRoute({ getParentRoute: () => tenantRoute, path, staticData: { title: sectionTitle(path) }, component });

/** `/t/:tenantId/calendar?view=&date=&resource=`: the view, the day and the resource live in the URL. */
const calendarRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: 'calendar',
  staticData: { title: sectionTitle('calendar') },
  validateSearch: parseCalendarSearch,
  component: lazyRouteComponent(() => import('./pages/tenant/calendar/CalendarPage.tsx'), 'CalendarPage'),
});

/** `/t/:tenantId/customers?q=`: the customer book; the search lives in the URL. */
const customersRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: 'customers',
  staticData: { title: sectionTitle('customers') },
  validateSearch: parseCustomerSearch,
  component: lazyRouteComponent(() => import('./pages/tenant/customers/CustomersPage.tsx'), 'CustomersPage'),
});

/** `/t/:tenantId/customers/:customerId`: one customer's page. */
const customerRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: 'customers/$customerId',
  staticData: { title: 'Customer' },
  component: lazyRouteComponent(() => import('./pages/tenant/customers/CustomerPage.tsx'), 'CustomerPage'),
});

const sectionRoutes = [
  calendarRoute,
  section('bookings', lazyRouteComponent(() => import('./pages/tenant/bookings/BookingsPage.tsx'), 'BookingsPage')),
  customersRoute,
  customerRoute,
  section('services', lazyRouteComponent(() => import('./pages/tenant/services/ServicesPage.tsx'), 'ServicesPage')),
  section('calls', lazyRouteComponent(() => import('./pages/tenant/CallLogPage.tsx'), 'CallLogPage')),
  section('voicemails', lazyRouteComponent(() => import('./pages/tenant/VoicemailPage.tsx'), 'VoicemailPage')),
  section('texts', lazyRouteComponent(() => import('./pages/tenant/TextsPage.tsx'), 'TextsPage')),
  section('phone', lazyRouteComponent(() => import('./pages/tenant/phone-settings/PhoneSettingsPage.tsx'), 'PhoneSettingsPage')),
  section('sip', lazyRouteComponent(() => import('./pages/tenant/sip/SipSetupPage.tsx'), 'SipSetupPage')),
  section('website', lazyRouteComponent(() => import('./pages/tenant/website/WebsitePage.tsx'), 'WebsitePage')),
  section('simulator', lazyRouteComponent(() => import('./pages/tenant/simulator/CallSimulatorPage.tsx'), 'CallSimulatorPage')),
  section('billing', lazyRouteComponent(() => import('./pages/tenant/billing/BillingPage.tsx'), 'BillingPage')),
  section('exports', lazyRouteComponent(() => import('./pages/tenant/exports/ExportsPage.tsx'), 'ExportsPage')),
  section('team', lazyRouteComponent(() => import('./pages/tenant/team/TeamPage.tsx'), 'TeamPage')),
] as const;

const routeTree = rootRoute.addChildren([
  loginRoute,
  signupRoute,
  ...accountRoutes,
  signedIn.addChildren([homeRoute, adminRoute, registryRoute, auditRoute, memberHomeRoute, setupRoute, tenantRoute.addChildren([tenantHomeRoute, tenantHomeAliasRoute, ...sectionRoutes])]),
]);

export const router = createRouter({
  routeTree,
  // Filled in by <RouterProvider context> on every render (see App.tsx).
  context: { auth: { status: 'checking' } },
  defaultPreload: 'intent',
  scrollRestoration: true,
});
