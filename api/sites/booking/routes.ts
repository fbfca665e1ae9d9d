import type { Context } from 'hono';
import type { SiteMount } from '../../../domain/sites/urls.ts';
import type { AppEnv } from '../../context.ts';
import type { SiteTarget } from '../site-facts.ts';
import { bookDetails, detailsPage, servicesPage, slotsPage } from './flow.ts';
import { manageChange, managePage } from './manage.ts';

// Which booking page a path of a site names: /book, /book/<service>, /book/<service>/details,
// /booking/<id>[/cancel|/reschedule]. Anything else is not the booking flow's (null).

const SERVICE = /^\/book\/([^/]+)(\/details)?$/;
const MANAGE = /^\/booking\/([^/]+)(?:\/(cancel|reschedule))?$/;

export function bookingRoute(c: Context<AppEnv>, target: SiteTarget, mount: SiteMount, path: string): Promise<Response> | null {
  const read = c.req.method === 'GET' || c.req.method === 'HEAD';
  const post = c.req.method === 'POST';
  if (path === '/book' && read) return servicesPage(c, target, mount);
  const service = SERVICE.exec(path);
  if (service && service[1] !== 'request') {
    if (read) return service[2] ? detailsPage(c, target, mount, service[1]!) : slotsPage(c, target, mount, service[1]!);
    if (post && service[2]) return bookDetails(c, target, mount, service[1]!);
    return Promise.resolve(c.text('This booking page can only be read (GET), or its details form sent (POST).', 405, { allow: service[2] ? 'GET, HEAD, POST' : 'GET, HEAD' }));
  }
  const manage = MANAGE.exec(path);
  if (manage) {
    const step = (manage[2] ?? '') as '' | 'cancel' | 'reschedule';
    if (read) return managePage(c, target, mount, manage[1]!, step);
    if (post && step) return manageChange(c, target, mount, manage[1]!, step);
    return Promise.resolve(c.text('This page can only be read (GET), or its form sent (POST).', 405, { allow: step ? 'GET, HEAD, POST' : 'GET, HEAD' }));
  }
  return null;
}
