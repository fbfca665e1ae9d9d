// A suite whose setup fails: its tests never run.
import { beforeAll, expect, it } from 'vitest';

beforeAll(() => {
  throw new Error('could not launch the browser');
});

it('never runs either', () => expect(true).toBe(true));
