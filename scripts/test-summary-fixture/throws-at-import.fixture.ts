// A suite that cannot even load, like a browser test whose Chromium is missing.
import { expect, it } from 'vitest';

throw new Error('this file fails to load');

it('never runs', () => expect(true).toBe(true));
