import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { encodeCursor, pageFrom } from './pagination.ts';

const ID = '7d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

function refusal(params: Record<string, string>) {
  try {
    pageFrom(params);
  } catch (error) {
    return error as ApiError;
  }
  return null;
}

describe('pageFrom', () => {
  it('reads back the cursors it makes', () => {
    const at = new Date('2026-11-30T12:34:56.789Z');
    expect(pageFrom({ cursor: encodeCursor(at, ID), limit: '10' })).toEqual({ limit: 10, after: { at, id: ID } });
    expect(pageFrom({})).toEqual({ limit: 25, after: null });
  });

  it('refuses with a 400 every cursor it did not make, dates the database cannot hold included', () => {
    for (const cursor of [
      'garbage',
      '%00',
      cursorOf(`-271821-04-20T00:00:00.000Z|${ID}`), // a valid JavaScript date long before any Postgres timestamp
      cursorOf(`+275760-09-13T00:00:00.000Z|${ID}`),
      cursorOf(`2026-11-30|${ID}`), // parses, but not as we write it
      cursorOf(`2026-11-30T12:34:56.789Z|${ID}|extra`),
      cursorOf('2026-11-30T12:34:56.789Z|not-a-uuid'),
      cursorOf('2026-11-30T12:34:56.789Z|\0'),
    ]) {
      const error = refusal({ cursor });
      expect(error, cursor).toBeInstanceOf(ApiError);
      expect(error?.status, cursor).toBe(400);
      expect(error?.fields, cursor).toEqual({ cursor: 'Not a valid cursor' });
    }
  });
});
