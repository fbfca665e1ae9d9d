import type { Context } from 'hono';

// How Twilio's v1 APIs (Trust Hub, Messaging) answer: JSON resources, lists under `meta.key`, errors
// with a code and its help page.

export const twilioError = (c: Context, status: 400 | 401 | 404 | 409 | 500, code: number, message: string) =>
  c.json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, status);

export const notFound = (c: Context) => twilioError(c, 404, 20404, 'The requested resource was not found');

/** A one-page list, as Twilio's v1 APIs page them. */
export function page(c: Context, key: string, items: unknown[]) {
  const url = new URL(c.req.url);
  return c.json({ [key]: items, meta: { key, page: 0, page_size: 50, first_page_url: url.toString(), previous_page_url: null, url: url.toString(), next_page_url: null } });
}

/** The form fields of a request: single values as strings, repeated ones (MessageSamples) as arrays. */
export async function formOf(c: Context) {
  const body = await c.req.parseBody({ all: true });
  const one = (name: string) => {
    const value = body[name];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : null;
  };
  const many = (name: string) => {
    const value = body[name];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
  };
  const bool = (name: string) => one(name) === 'true';
  return { one, many, bool, has: (name: string) => name in body };
}

export const iso = (date: string) => new Date(date).toISOString();
