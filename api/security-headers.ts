import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../domain/config.ts';

/**
 * The headers every response carries, the web app's pages and every API, webhook and error
 * answer alike. The CSP is what the built web app needs and no more: its scripts and styles come
 * from our origin (React's style attributes need 'unsafe-inline' for styles, never for scripts),
 * images are ours or data: URLs (QR codes), plus https: because a tenant's logo is a web address.
 * No page of ours may be framed (clickjacking), and no URL (export links carry a signature) leaks
 * to another site as a referrer. HSTS only when we are reached over https, or a browser would
 * refuse plain http://localhost for months.
 *
 * A business's website sends its own, stricter policy (api/sites/render/document.ts: its one
 * stylesheet by hash, no script at all): a header a route set itself is kept, never overwritten.
 */
export function securityHeaders(config: Pick<Config, 'PUBLIC_BASE_URL'>) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: config.PUBLIC_BASE_URL.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : false,
    overwrite: false,
  });
}
