import { z } from 'zod';
import { emailAddress } from './email.ts';

// A business's team: who may be invited and how roles change (the API and the web Team page).

export const MEMBER_ROLES = ['owner', 'staff'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

const role = z.enum(MEMBER_ROLES, { error: 'Role must be owner or staff' });
const userId = z.uuid({ error: 'userId must be the id of a member of this business' });

export const inviteMemberInput = z.object({ email: emailAddress, role }, { error: 'Send a JSON object: { "email": "…", "role": "owner" | "staff" }' });
export type InviteMemberInput = z.input<typeof inviteMemberInput>;

/** The registry's "Invite owner": an email; the role is owner. */
export const ownerInviteInput = z.object({ email: emailAddress }, { error: 'Send a JSON object: { "email": "…" }' });
export type OwnerInviteInput = z.input<typeof ownerInviteInput>;

export const roleChangeInput = z.object({ role }, { error: 'Send a JSON object: { "role": "owner" | "staff" }' });
export const transferOwnershipInput = z.object({ userId }, { error: 'Send a JSON object: { "userId": "…" }' });
