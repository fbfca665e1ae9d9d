import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { validationFailed } from './errors.ts';

/**
 * `zValidator` with the app's one validation hook: a request that fails its schema throws
 * `validationFailed` (400, a message and each field's problem), which the app's error handler
 * answers like every other error. Every route validates through this.
 */
export const validated = <Schema extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result) => {
    if (!result.success) throw validationFailed(result.error);
  });
