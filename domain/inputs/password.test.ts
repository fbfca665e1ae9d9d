import { describe, expect, it } from 'vitest';
import { acceptInviteInput, newAccountForm, passwordResetConfirmInput } from './accounts.ts';
import { newPassword, passwordProblem, PASSWORD_MIN_LENGTH } from './password.ts';

describe('the password rule', () => {
  it('wants at least 10 characters and at most 200', () => {
    expect(passwordProblem('a'.repeat(PASSWORD_MIN_LENGTH - 1).replace(/a$/, 'b'))).toMatch(/at least 10/);
    expect(passwordProblem('purple tractor')).toBeNull();
    expect(passwordProblem('x'.repeat(201))).toMatch(/at most 200/);
  });

  it('refuses common passwords whatever their case, and one character repeated', () => {
    for (const common of ['password123', 'qwertyuiop', 'QWERTYUIOP', '1234567890', 'basketball', 'aaaaaaaaaaaa']) expect(passwordProblem(common), common).toMatch(/common/);
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });

  it('is the same rule wherever a password is chosen: the invite form, the reset body', () => {
    const weak = 'football12';
    expect(newPassword.safeParse(weak).success).toBe(passwordProblem(weak) === null);
    expect(newAccountForm.safeParse({ name: 'Olive', password: 'password123' }).error?.issues[0]?.message).toMatch(/common/);
    expect(passwordResetConfirmInput.safeParse({ token: 't', password: 'short' }).error?.issues[0]?.path).toEqual(['password']);
    // Accepting an invite with an existing account checks the current password, not the rule.
    expect(acceptInviteInput.safeParse({ token: 't', password: 'old' }).success).toBe(true);
  });
});
