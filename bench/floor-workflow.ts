import * as wf from '@temporalio/workflow';

// The floors the IVR benchmark compares against: an update whose handler does nothing, and a
// call-shaped workflow that only takes signals (signal-with-start, then signals, then done).
export const pingUpdate = wf.defineUpdate<string, [string]>('ping');
export const doneSignal = wf.defineSignal('done');
export const stepSignal = wf.defineSignal<[{ step: number }]>('step');

export async function floorWorkflow(): Promise<void> {
  let done = false;
  wf.setHandler(pingUpdate, (value) => value);
  wf.setHandler(doneSignal, () => {
    done = true;
  });
  await wf.condition(() => done);
}

export async function floorCallWorkflow(): Promise<number> {
  let done = false;
  let steps = 0;
  wf.setHandler(stepSignal, () => {
    steps += 1;
  });
  wf.setHandler(doneSignal, () => {
    done = true;
  });
  await wf.condition(() => done);
  return steps;
}
