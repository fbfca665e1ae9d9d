import { PASSWORD_MIN_LENGTH } from '../../../domain/inputs/password.ts';

/** Under every "choose a password" field: the one rule, and how to meet it. */
export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`;
