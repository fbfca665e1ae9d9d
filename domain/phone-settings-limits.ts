// Length limits for a tenant's phone texts, shared by the API's validation and the settings form.

/** Spoken texts: long enough for a friendly greeting, short enough that callers stay on. */
export const SPOKEN_TEXT_MAX = 600;
/** Texted templates: at most three SMS segments. */
export const SMS_TEXT_MAX = 459;
