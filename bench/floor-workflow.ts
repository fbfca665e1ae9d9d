import * as wf from '@temporalio/workflow';

// The floor the IVR benchmark compares against: an update whose handler does nothing.
export const pingUpdate = wf.defineUpdate<string, [string]>('ping');
export const doneSignal = wf.defineSignal('done');

export async function floorWorkflow(): Promise<void> {
  let done = false;
  wf.setHandler(pingUpdate, (value) => value);
  wf.setHandler(doneSignal, () => {
    done = true;
  });
  await wf.condition(() => done);
}
