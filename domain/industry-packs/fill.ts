import type { PackPlaceholder } from './pack.ts';

/**
 * A pack's text with its placeholders filled: "Thanks for calling {business}" → "Thanks for calling
 * Sunny Lawns". A placeholder without a value is dropped with the space before it, so a text never
 * shows braces to a customer.
 */
export function fillPackText(text: string, values: Partial<Record<PackPlaceholder, string>>): string {
  return text.replace(/ ?\{([a-z]+)\}/g, (match, name: string) => {
    const value = values[name as PackPlaceholder];
    return value === undefined ? '' : match.startsWith(' ') ? ` ${value}` : value;
  });
}
