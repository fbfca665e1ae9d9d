import { z } from 'zod';

// An email address as every form and body takes it. Its own module, so the forms that only ask for
// an email (a team invite, a new tenant's owner) do not load the password rule's dictionary.

export const emailAddress = z
  .email({ error: 'Enter an email address, like name@example.com' })
  .max(254, 'That email address is too long')
  .transform((email) => email.toLowerCase());
