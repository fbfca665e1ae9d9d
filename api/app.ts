import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { requestId } from 'hono/request-id';
import { adminAuditRoutes } from './admin/audit.ts';
import { adminTenantRoutes } from './admin/tenants.ts';
import { publicBookingRoutes } from './bookings/availability-routes.ts';
import { publicBookingWriteRoutes } from './bookings/routes.ts';
import { DEFAULT_ACCOUNT_LIMITS, throttleTokenAttempts, type AccountLimits } from './auth/account-throttle.ts';
import type { LoginLimits } from './auth/login-throttle.ts';
import { passwordResetRoutes } from './auth/password-reset.ts';
import { authRoutes } from './auth/routes.ts';
import { viewAsRoutes } from './auth/view-as-routes.ts';
import { codecRoutes } from './codec/routes.ts';
import { limitBodies } from './body-limits.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { errorBody, handleError } from './errors.ts';
import { exportDownloadRoutes } from './exports/download.ts';
import { healthRoutes } from './health.ts';
import { industryPackRoutes } from './industry-packs.ts';
import { inviteRoutes } from './members/accept.ts';
import { mailboxRoutes } from './sandbox/mailbox.ts';
import { signupRoutes } from './onboarding/signup.ts';
import { securityHeaders } from './security-headers.ts';
import { siteHosts } from './sites/hosts.ts';
import { PLATFORM_ROBOTS, siteRoutes } from './sites/routes.ts';
import { siteTemplateRoutes } from './sites/templates-route.ts';
import { tenantRoutes } from './tenants/routes.ts';
import { voiceRoutes } from './twilio/voice.ts';
import { smsRoutes } from './twilio/sms.ts';
import { carrierRegistrationCallbackRoutes } from './twilio/carrier-registration.ts';
import { twilioSandboxRoutes } from './sandbox/twilio.ts';
import { stripeSandboxRoutes } from './sandbox/stripe.ts';
import { stripeWebhookRoutes } from './stripe/webhook.ts';

/** The whole HTTP surface: API route groups, the codec endpoint and, when built, the web app. */
export function createApp(deps: AppDeps, options: { loginLimits?: Partial<LoginLimits>; accountLimits?: Partial<AccountLimits> } = {}) {
  const app = new Hono<AppEnv>();
  const accountLimits = { ...DEFAULT_ACCOUNT_LIMITS, ...options.accountLimits };
  // One budget of refused link tokens per address, whichever account route they were tried on.
  const tokenThrottle = throttleTokenAttempts(accountLimits);
  // First, so every answer carries them, errors and 413s included.
  app.use(securityHeaders(deps.config));
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('deps', deps);
    c.set('logger', deps.logger.child({ requestId: c.get('requestId') }));
    await next();
    c.get('logger').debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
  // Before every route group: signature checks, rate-limit keys and validators all read the body.
  app.use(limitBodies());
  // A business's own host (subdomain or custom domain) is its website, whatever the path.
  app.use(siteHosts());

  app.route('/healthz', healthRoutes());
  app.route('/api/industry-packs', industryPackRoutes()); // public: the signup wizard lists the trades
  app.route('/api/auth/password-reset', passwordResetRoutes(accountLimits, tokenThrottle));
  app.route('/api/auth', authRoutes({ loginLimits: options.loginLimits }));
  app.route('/api/view-as', viewAsRoutes());
  app.route('/api/invites', inviteRoutes(accountLimits, tokenThrottle));
  app.route('/api/signup', signupRoutes(accountLimits));
  app.route('/api/admin/tenants', adminTenantRoutes());
  app.route('/api/admin/audit', adminAuditRoutes());
  app.route('/codec', codecRoutes({ temporalUiUrl: deps.config.TEMPORAL_UI_URL }));
  app.route('/twilio/voice', voiceRoutes());
  app.route('/twilio/sms', smsRoutes());
  app.route('/twilio/carrier-registration', carrierRegistrationCallbackRoutes());
  app.route('/stripe', stripeWebhookRoutes());
  app.route('/sandbox/twilio', twilioSandboxRoutes(deps)); // the offline Twilio, only when no account is configured
  app.route('/sandbox/stripe', stripeSandboxRoutes(deps)); // the offline Stripe, only when no secret key is configured
  app.route('/sandbox/mailbox', mailboxRoutes()); // the recorded mail, only when no SMTP server is configured (never in production)
  app.route('/api/site-templates', siteTemplateRoutes());
  app.route('/api/tenants/:tenantId', tenantRoutes());
  app.route('/api/public/:slug/bookings', publicBookingWriteRoutes()); // a customer books: rate limited, 409 when the slot is gone
  app.route('/api/public/:slug', publicBookingRoutes()); // public booking: services and slots, no session, never cached
  app.route('/s', siteRoutes()); // public websites: no session, cached, their own CSP
  app.get('/robots.txt', (c) => c.text(PLATFORM_ROBOTS));
  app.route('/exports', exportDownloadRoutes()); // signed links: no session, works in every billing status
  app.all('/api/*', (c) => c.json(errorBody('not_found', `No API route for ${c.req.method} ${c.req.path}.`), 404));

  if (deps.webDist) {
    const root = deps.webDist;
    app.use('/*', serveStatic({ root }));
    // Client-side routes (/login, /admin/tenants…) all load the app shell.
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }

  app.onError(handleError);
  return app;
}

export type ServiceProApp = ReturnType<typeof createApp>;
