import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

// One password rule for every place a person chooses one (accepting an invite, resetting, the web
// forms over the same schemas): long enough, not absurdly long, and not one of the ~49,000 most
// common passwords (zxcvbn-ts's list, from leaked-password corpora). NIST SP 800-63B asks for
// exactly this, and against composition rules ("one digit, one symbol"), so there are none.

export const PASSWORD_MIN_LENGTH = 10;
/** Argon2 hashes any length, but a megabyte of "password" is a way to make the server work. */
export const PASSWORD_MAX_LENGTH = 200;

let common: ReadonlySet<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common']));

/** Why a password will not do, in words for the person choosing it; null when it is fine. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters — a few words together work well.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || new Set(lower).size === 1) return 'That password is too common and easy to guess. Choose another, for example a few unrelated words.';
  return null;
}

/** A new password, checked by passwordProblem. */
export const newPassword = z
  .string({ error: 'Choose a password' })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
