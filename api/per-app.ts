import type { AppDeps } from './context.ts';

/** One value per app (its deps), made when first asked: a rate limiter's counters belong to one app, not to every test's. */
export function perApp<T>(make: (deps: AppDeps) => T): (deps: AppDeps) => T {
  const made = new WeakMap<AppDeps, T>();
  return (deps) => {
    let value = made.get(deps);
    if (value === undefined) made.set(deps, (value = make(deps)));
    return value;
  };
}
