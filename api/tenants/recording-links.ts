import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { isUuid } from '../../domain/ids.ts';
import { deriveKey } from '../../domain/secrets.ts';
import { bearerToken, checkAccess, loadSessionUser, requireAccess } from '../auth/session.ts';
import { sessionIsLive } from '../auth/sessions.ts';
import { readToken, sessionKey } from '../auth/tokens.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

// How a browser's <audio> plays a voicemail. The API takes bearer tokens, which an <audio src>
// cannot send, and a session cookie would let any other site embed the recording. So the inbox
// (fetched with the bearer) hands out one link per recording: a JWT under its own key naming the
// user, their session, the tenant and the voicemail, for LINK_TTL. Each request on it — every
// range the player asks for — checks the session is still live and the user still a member, so
// signing out or losing access ends the link at once; a copied link dies within the TTL anyway.
// Only the player's requests carry it (no Referer leaves the app: Referrer-Policy is no-referrer).

const LINK_TTL_MS = 30 * 60_000;
const AUDIENCE = 'servicepro:voicemail-recording';
const RELOAD = 'Reload the Voicemail page for a fresh link.';

const linkKey = (masterKey: Buffer) => deriveKey(masterKey, 'voicemail-recording-links');

export const recordingPath = (tenantId: string, voicemailId: string) =>
  `/api/tenants/${encodeURIComponent(tenantId)}/voicemails/${encodeURIComponent(voicemailId)}/recording`;

export type RecordingLinkSigner = (voicemailId: string) => Promise<{ url: string; expiresAt: string }>;

/** Signs links for the session of this request's bearer token (the inbox list is only ever fetched with one). */
export async function recordingLinkSigner(c: Context<AppEnv>, tenantId: string): Promise<RecordingLinkSigner | null> {
  const { masterKey } = c.get('deps');
  const token = bearerToken(c);
  const session = token ? await readToken(sessionKey(masterKey), token) : null;
  if (!session) return null;
  const key = linkKey(masterKey);
  return async (voicemailId) => {
    const expiresAt = new Date(Date.now() + LINK_TTL_MS);
    const link = await new SignJWT({ tid: tenantId, vid: voicemailId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(session.userId)
      .setJti(session.sessionId)
      .setAudience(AUDIENCE)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(key);
    return { url: `${recordingPath(tenantId, voicemailId)}?link=${link}`, expiresAt: expiresAt.toISOString() };
  };
}

/** The claims of a genuine link, 'expired' for one past its time, null for anything else. */
async function readLink(key: Uint8Array, link: string) {
  try {
    const { payload } = await jwtVerify(link, key, { audience: AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'jti'] });
    if (!isUuid(payload.sub) || !isUuid(payload.jti) || typeof payload.tid !== 'string' || typeof payload.vid !== 'string') return null;
    return { userId: payload.sub, sessionId: payload.jti, tenantId: payload.tid, voicemailId: payload.vid };
  } catch (error) {
    return error instanceof joseErrors.JWTExpired ? 'expired' : null;
  }
}

/** A member's bearer token, or a recording link for exactly this tenant and voicemail from a live session. */
export const recordingAccess = () => {
  const member = requireAccess({ kind: 'tenant-member' });
  return createMiddleware<AppEnv>(async (c, next) => {
    const link = c.req.query('link');
    if (link === undefined) return member(c, next);
    const { db, masterKey } = c.get('deps');
    const claims = await readLink(linkKey(masterKey), link);
    if (claims === 'expired') throw new ApiError(401, 'link_expired', `This recording link has expired. ${RELOAD}`);
    if (!claims || claims.tenantId !== c.req.param('tenantId') || claims.voicemailId !== c.req.param('id')) {
      throw new ApiError(403, 'invalid_link', `This recording link is not valid for this voicemail. ${RELOAD}`);
    }
    const user = (await sessionIsLive(db, claims)) ? await loadSessionUser(db, claims.userId) : null;
    if (!user) throw new ApiError(401, 'unauthenticated', 'Please sign in: the session this link came from has ended.');
    c.set('user', user);
    checkAccess(user, { kind: 'tenant-member' }, claims.tenantId);
    await next();
  });
};
