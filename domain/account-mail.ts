// The account emails people get: plain text, the link on a line of its own. The token travels in
// the link's #fragment, which browsers never send to a server, so it stays out of access logs and
// Referer headers.

export const accountLinks = {
  invite: (baseUrl: string, token: string) => `${baseUrl}/invite#token=${token}`,
  passwordReset: (baseUrl: string, token: string) => `${baseUrl}/reset-password#token=${token}`,
};

/** The link with its token left out: what the outbox keeps when the mail really goes out. */
export const withoutToken = (text: string) => text.replace(/#token=[A-Za-z0-9_-]+/g, '#token=(sent, not stored)');

const until = (expiresAt: Date) => expiresAt.toUTCString().replace(' GMT', ' UTC');

export function inviteMail(input: { businessName: string; role: 'owner' | 'staff'; link: string; expiresAt: Date; invitedBy?: string | null }) {
  const asWhat = input.role === 'owner' ? 'an owner' : 'a team member';
  return {
    subject: `You're invited to ${input.businessName} on ServicePro`,
    text: [
      `${input.invitedBy ? `${input.invitedBy} invited you` : 'You have been invited'} to join ${input.businessName} on ServicePro as ${asWhat}.`,
      '',
      'Open this link to set your name and password and sign in:',
      input.link,
      '',
      `The link works once, until ${until(input.expiresAt)}. If you weren't expecting this, you can ignore this email.`,
    ].join('\n'),
  };
}

export function passwordResetMail(input: { link: string; expiresAt: Date }) {
  return {
    subject: 'Reset your ServicePro password',
    text: [
      'Someone asked to reset the password of your ServicePro account.',
      '',
      'Open this link to choose a new password:',
      input.link,
      '',
      `The link works once, until ${until(input.expiresAt)}. Choosing a new password signs you out everywhere.`,
      "If it wasn't you, ignore this email: your password stays as it is.",
    ].join('\n'),
  };
}
