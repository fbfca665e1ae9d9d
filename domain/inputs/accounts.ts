import { z } from 'zod';
import { emailAddress } from './email.ts';
import { newPassword } from './password.ts';

// The bodies of the account routes (invites, password reset) and the web forms over them.

/** The token from an emailed link: opaque to the client; a malformed one is simply unknown. */
const linkToken = z.string({ error: 'The link is incomplete: open it again from the email' }).min(1, 'The link is incomplete: open it again from the email').max(200, 'That link is not valid');

const name = z.string({ error: 'Enter your name' }).trim().min(1, 'Enter your name').max(120, 'Use at most 120 characters');

const object = <Shape extends z.core.$ZodLooseShape>(shape: Shape, hint: string) => z.object(shape, { error: `Send a JSON object: ${hint}` });

/** POST /api/invites/preview: what an invite is for, before it is accepted. */
export const invitePreviewInput = object({ token: linkToken }, '{ "token": "…" }');

/**
 * POST /api/invites/accept. A new account needs a name and a new password (the password rule);
 * someone who already has an account confirms with their current password instead (the route
 * decides which, by the invite's email), so the password is checked there, not here.
 */
export const acceptInviteInput = object({ token: linkToken, name: name.optional(), password: z.string({ error: 'Enter a password' }).min(1, 'Enter a password').max(1_000, 'That password is too long') }, '{ "token": "…", "name": "…", "password": "…" }');

/** The accept form of someone new: name and a password that passes the rule. */
export const newAccountForm = z.object({ name, password: newPassword });
export type NewAccountForm = z.input<typeof newAccountForm>;

export const passwordResetRequestInput = object({ email: emailAddress }, '{ "email": "…" }');
export type PasswordResetRequest = z.input<typeof passwordResetRequestInput>;

export const passwordResetConfirmInput = object({ token: linkToken, password: newPassword }, '{ "token": "…", "password": "…" }');
/** The reset form: just the new password (the token comes from the link). */
export const newPasswordForm = z.object({ password: newPassword });
export type NewPasswordForm = z.input<typeof newPasswordForm>;
