import type { z } from 'zod';
import { emailAddress } from './email.ts';
import { businessName, object } from './onboarding.ts';
import { newPassword } from './password.ts';

// Its own module, apart from the wizard's steps (./onboarding.ts): the password rule loads a
// dictionary of common passwords that only the signup page needs in the browser.

/** POST /api/signup: the account and the business's name; everything else comes in the wizard. */
export const signupInput = object({ email: emailAddress, password: newPassword, businessName }, '{ "email": "…", "password": "…", "businessName": "…" }');
export type SignupInput = z.input<typeof signupInput>;
