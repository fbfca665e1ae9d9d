import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { simulateCall } from '../../api/endpoints.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Transcript } from '../tenant/simulator/Transcript.tsx';

/**
 * "Call me now": a test call to the new number through the call simulator (the real voice
 * webhooks, as the phone company would make them), pressing 1, so the owner hears their own greeting.
 */
export function TestCall({ tenantId }: { tenantId: string }) {
  const call = useMutation({ mutationFn: () => simulateCall(tenantId, { from: '+19185550199', digits: ['1'], answerScreening: false, hangUpWhenDone: true }) });
  return (
    <div className="test-call">
      <button type="button" className="button button-ghost button-block" onClick={() => call.mutate()} disabled={call.isPending}>
        {call.isPending ? 'Calling…' : 'Call my number now (test call)'}
      </button>
      <FormAlert message={call.error ? errorMessage(call.error) : null} />
      {call.data && <Transcript call={call.data} tenantId={tenantId} />}
    </div>
  );
}
