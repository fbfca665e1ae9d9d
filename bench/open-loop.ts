// Open-loop load: calls arrive at a fixed mean rate (Poisson), whatever the server is doing, and
// each caller pauses as a person would between webhooks. A request's latency runs from the moment
// it was due (its arrival, or the previous answer plus the caller's pause), so time the load
// generator or the server made it wait counts too — no coordinated omission.

export interface ThinkTimes {
  /** Listening to the greeting and menu before pressing a key. */
  greetingMs: number;
  /** Listening to the info message before the next key. */
  infoMs: number;
  /** Leaving the voicemail. */
  messageMs: number;
  /** From the last answer to the hang-up (the status callback). */
  hangUpMs: number;
}

/** BENCH_THINK_MS="greeting,info,message,hangup" in ms; each pause is drawn from 0.5×–1.5× of it. */
export function thinkTimesFrom(env: string | undefined): ThinkTimes {
  const [greetingMs = 3000, infoMs = 2000, messageMs = 4000, hangUpMs = 500] = (env ?? '').split(',').filter(Boolean).map(Number);
  return { greetingMs, infoMs, messageMs, hangUpMs };
}

export const jittered = (ms: number) => ms * (0.5 + Math.random());

export interface StepOutcome {
  /** The answer was the API's fallback TwiML (the caller lost the menu). */
  fallback?: boolean;
}

/** One caller's walk: `at(dueAt, step, work)` waits until `dueAt`, runs `work`, and returns when it answered. */
export type Caller = (arrivalAt: number, index: number, at: <T extends StepOutcome>(dueAt: number, step: string, work: () => Promise<T>) => Promise<{ result: T | null; answeredAt: number }>) => Promise<void>;

export interface OpenLoopResult {
  rate: number;
  calls: number;
  fallbacks: number;
  errors: number;
  steps: { step: string; n: number; p50Ms: number; p99Ms: number; maxMs: number }[];
  /** How late the load generator's own timers fired (p99): latency it adds to every row. */
  generatorLagP99Ms: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;
const sleepUntil = (t: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, t - performance.now())));

/** Runs `caller` for calls arriving at `rate`/s for `seconds`; waits for every call to finish. */
export async function openLoop(rate: number, seconds: number, caller: Caller): Promise<OpenLoopResult> {
  const latencies = new Map<string, number[]>();
  const lags: number[] = [];
  let fallbacks = 0;
  let errors = 0;
  const fellBack = new Set<number>();
  const calls: Promise<void>[] = [];
  const start = performance.now() + 50;
  let arrival = start;
  let index = 0;
  for (;;) {
    arrival += (-Math.log(1 - Math.random()) / rate) * 1000;
    if (arrival - start > seconds * 1000) break;
    const i = index++;
    const arrivalAt = arrival;
    const at = async <T extends StepOutcome>(dueAt: number, step: string, work: () => Promise<T>) => {
      await sleepUntil(dueAt);
      lags.push(performance.now() - dueAt);
      let result: T | null = null;
      try {
        result = await work();
        if (result.fallback && !fellBack.has(i)) {
          fellBack.add(i);
          fallbacks += 1;
        }
      } catch {
        errors += 1;
      }
      const answeredAt = performance.now();
      if (!latencies.has(step)) latencies.set(step, []);
      latencies.get(step)!.push(answeredAt - dueAt);
      return { result, answeredAt };
    };
    calls.push(sleepUntil(arrivalAt).then(() => caller(arrivalAt, i, at)));
  }
  await Promise.all(calls);
  lags.sort((a, b) => a - b);
  return {
    rate,
    calls: index,
    fallbacks,
    errors,
    steps: [...latencies].map(([step, values]) => {
      values.sort((a, b) => a - b);
      return { step, n: values.length, p50Ms: round(percentile(values, 50)), p99Ms: round(percentile(values, 99)), maxMs: round(values.at(-1) ?? 0) };
    }),
    generatorLagP99Ms: round(percentile(lags, 99)),
  };
}

/** The SLO: every webhook's p99 within `p99Ms`, and no caller got a fallback or an error. */
export const meetsSlo = (result: OpenLoopResult, p99Ms = 100) => result.fallbacks === 0 && result.errors === 0 && result.steps.every((s) => s.p99Ms <= p99Ms);

/** The highest arrival rate that met the SLO (0 when none did). */
export const capacityAtSlo = (results: OpenLoopResult[], p99Ms = 100) => Math.max(0, ...results.filter((r) => meetsSlo(r, p99Ms)).map((r) => r.rate));
