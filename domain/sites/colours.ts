// A business's brand colour, made safe to show: any stored colour becomes a valid #rrggbb (it goes
// into CSS, so nothing else may), and text drawn on it or in it keeps WCAG AA contrast (4.5:1) —
// an owner's pale yellow must not leave the site unreadable.

export const DEFAULT_BRAND = '#2563eb';
const HEX = /^#([0-9a-f]{6})$/i;

type Rgb = [number, number, number];

const toRgb = (hex: string): Rgb => {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
};
const toHex = (rgb: Rgb) => `#${rgb.map((part) => Math.round(Math.min(255, Math.max(0, part))).toString(16).padStart(2, '0')).join('')}`;

/** The stored colour when it is a #rrggbb colour, otherwise the default blue. */
export function brandColour(stored: string | null | undefined): string {
  return stored && HEX.test(stored) ? stored.toLowerCase() : DEFAULT_BRAND;
}

/** WCAG relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `colour` moved towards `target` by `amount` (0–1). */
export function mix(colour: string, target: string, amount: number): string {
  const from = toRgb(colour);
  const to = toRgb(target);
  return toHex(from.map((part, i) => part + (to[i]! - part) * amount) as Rgb);
}

/** White or near-black, whichever reads better on `background`. */
export function textOn(background: string): string {
  return contrast(background, '#ffffff') >= contrast(background, '#111827') ? '#ffffff' : '#111827';
}

/** `colour`, darkened (or lightened on a dark background) just enough to read at 4.5:1 on `background`. */
export function readableOn(background: string, colour: string, ratio = 4.5): string {
  const towards = luminance(background) > 0.4 ? '#000000' : '#ffffff';
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(colour, towards, step / 20);
    if (contrast(background, candidate) >= ratio) return candidate;
  }
  return towards;
}

/** The colours a template draws with, from one brand colour. */
export interface Palette {
  brand: string;
  /** Text on a brand-coloured background. */
  onBrand: string;
  /** The brand colour as text or links on white. */
  ink: string;
  /** A pale wash of the brand for section backgrounds. */
  wash: string;
  /** The brand colour on a near-black page (the dark templates). */
  inkOnDark: string;
}

export function paletteFor(stored: string | null | undefined): Palette {
  const brand = brandColour(stored);
  return {
    brand,
    onBrand: textOn(brand),
    ink: readableOn(mix(brand, '#ffffff', 0.9), brand),
    wash: mix(brand, '#ffffff', 0.9),
    inkOnDark: readableOn('#111827', brand),
  };
}
