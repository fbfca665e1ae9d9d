import { Hono } from 'hono';
import { formOf, iso, notFound, page, twilioError } from './http.ts';
import { sid, type A2pStore, type Bundle } from './store.ts';

// Trust Hub: the business's Customer Profile and its A2P Trust Product (both "bundles"), the End
// Users that carry its details, their assignment to the bundles, the evaluation against the policy,
// and the submission for review.

const KINDS = ['CustomerProfiles', 'TrustProducts'] as const;

export function trustHubRoutes(store: A2pStore, accountSid: string) {
  const app = new Hono();
  const json = (b: Bundle) => ({
    sid: b.sid,
    account_sid: accountSid,
    policy_sid: b.policySid,
    friendly_name: b.friendlyName,
    status: b.status,
    valid_until: null,
    email: b.email,
    status_callback: b.statusCallback,
    date_created: iso(b.dateCreated),
    date_updated: iso(b.dateCreated),
    url: `https://trusthub.twilio.com/v1/${b.kind}/${b.sid}`,
    links: {},
    errors: b.errors,
  });
  const bundleOf = (kind: string, bundleSid: string) => {
    const bundle = store.bundles.get(bundleSid);
    return bundle?.kind === kind ? bundle : undefined;
  };

  app.post('/v1/EndUsers', async (c) => {
    const form = await formOf(c);
    const type = form.one('Type');
    const friendlyName = form.one('FriendlyName');
    if (!type || !friendlyName) return twilioError(c, 400, 20001, 'Missing required parameter FriendlyName or Type in the post body');
    const user = { sid: sid('IT'), type, friendlyName, attributes: JSON.parse(form.one('Attributes') ?? '{}') };
    store.endUsers.set(user.sid, user);
    return c.json({ sid: user.sid, account_sid: accountSid, friendly_name: friendlyName, type, attributes: user.attributes, date_created: new Date().toISOString(), date_updated: new Date().toISOString(), url: `https://trusthub.twilio.com/v1/EndUsers/${user.sid}` }, 201);
  });

  for (const kind of KINDS) {
    app.post(`/v1/${kind}`, async (c) => {
      const form = await formOf(c);
      const [friendlyName, email, policySid] = [form.one('FriendlyName'), form.one('Email'), form.one('PolicySid')];
      if (!friendlyName || !email || !policySid) return twilioError(c, 400, 20001, 'Missing required parameter FriendlyName, Email or PolicySid in the post body');
      const bundle: Bundle = { sid: sid('BU'), kind, friendlyName, email, policySid, statusCallback: form.one('StatusCallback'), entities: [], dateCreated: new Date().toISOString(), status: 'draft', fetches: 0, errors: [], verdict: null };
      store.bundles.set(bundle.sid, bundle);
      return c.json(json(bundle), 201);
    });
    app.get(`/v1/${kind}`, (c) => {
      const name = c.req.query('FriendlyName');
      return page(c, 'results', [...store.bundles.values()].filter((b) => b.kind === kind && (!name || b.friendlyName === name)).map(json));
    });
    app.get(`/v1/${kind}/:sid`, (c) => {
      const bundle = bundleOf(kind, c.req.param('sid'));
      if (!bundle) return notFound(c);
      store.advance('profile', bundle);
      return c.json(json(bundle));
    });
    // Status=pending-review submits the bundle; only a draft or a refused one can be.
    app.post(`/v1/${kind}/:sid`, async (c) => {
      const bundle = bundleOf(kind, c.req.param('sid'));
      if (!bundle) return notFound(c);
      const form = await formOf(c);
      if (form.one('Status') === 'pending-review') {
        if (bundle.status !== 'draft' && bundle.status !== 'twilio-rejected') return twilioError(c, 400, 60711, 'Business status does not allow updates');
        if (bundle.entities.length === 0) return twilioError(c, 400, 22215, 'The bundle is not compliant: assign its end user before submitting it');
        store.submit('profile', bundle);
      }
      return c.json(json(bundle));
    });
    app.post(`/v1/${kind}/:sid/EntityAssignments`, async (c) => {
      const bundle = bundleOf(kind, c.req.param('sid'));
      if (!bundle) return notFound(c);
      const objectSid = (await formOf(c)).one('ObjectSid');
      if (!objectSid) return twilioError(c, 400, 20001, 'Missing required parameter ObjectSid in the post body');
      if (!bundle.entities.includes(objectSid)) bundle.entities.push(objectSid);
      const parent = kind === 'CustomerProfiles' ? 'customer_profile_sid' : 'trust_product_sid';
      return c.json({ sid: sid('BV'), [parent]: bundle.sid, account_sid: accountSid, object_sid: objectSid, date_created: new Date().toISOString(), url: `https://trusthub.twilio.com/v1/${kind}/${bundle.sid}/EntityAssignments` }, 201);
    });
    app.post(`/v1/${kind}/:sid/Evaluations`, async (c) => {
      const bundle = bundleOf(kind, c.req.param('sid'));
      if (!bundle) return notFound(c);
      const parent = kind === 'CustomerProfiles' ? 'customer_profile_sid' : 'trust_product_sid';
      const status = bundle.entities.length > 0 ? 'compliant' : 'noncompliant';
      return c.json({ sid: sid('EL'), account_sid: accountSid, policy_sid: (await formOf(c)).one('PolicySid'), [parent]: bundle.sid, status, results: [], date_created: new Date().toISOString(), url: `https://trusthub.twilio.com/v1/${kind}/${bundle.sid}/Evaluations` }, 201);
    });
  }
  return app;
}
