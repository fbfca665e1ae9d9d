import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { KEYPRESS_PATTERN, parseKeypresses } from '../../../../../domain/keypresses.ts';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { simulateCall } from '../../../api/endpoints.ts';
import { keys as queryKeys } from '../../../api/queries.ts';
import type { SimulatedCall } from '../../../api/types.ts';
import { FormField } from '../../../components/FormField.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { Toggle } from '../../../components/Toggle.tsx';
import { formatPhone } from '../../../lib/format.ts';
import { Transcript } from './Transcript.tsx';
import { ClosedBusinessNote, isClosed } from '../../../components/tenant/ClosedBusinessNote.tsx';

const PRESETS: { keys: string; label: string }[] = [
  { keys: '1', label: 'Press 1 — info' },
  { keys: '2', label: 'Press 2 — talk to you' },
  { keys: '3', label: 'Press 3 — voicemail' },
  { keys: '9,3', label: 'Wrong key, then 3' },
];

/** "Try a call": plays a call to the business number the way Twilio would, and shows every step. */
export function CallSimulatorPage() {
  const tenant = useTenant();
  const queryClient = useQueryClient();
  const [from, setFrom] = useState('+19185550199');
  const [keys, setKeys] = useState('1');
  const [answer, setAnswer] = useState(false);
  const [hangUp, setHangUp] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [call, setCall] = useState<SimulatedCall | null>(null);

  if (isClosed(tenant)) {
    return (
      <section className="state-panel">
        <h1>Try a call</h1>
        <ClosedBusinessNote tenant={tenant} what="it takes no test calls" />
      </section>
    );
  }
  if (!tenant.canManage) {
    return (
      <section className="state-panel">
        <h1>Try a call</h1>
        <p>Only the business owner can place test calls.</p>
      </section>
    );
  }
  if (!tenant.phoneNumber) {
    return (
      <section className="state-panel">
        <h1>Try a call</h1>
        <p>This business has no phone number yet, so there is nothing to call. The platform owner must assign one first.</p>
      </section>
    );
  }

  async function place(event?: FormEvent<HTMLFormElement>, presetKeys?: string) {
    event?.preventDefault();
    if (running) return;
    const digits = parseKeypresses(presetKeys ?? keys);
    if (presetKeys !== undefined) setKeys(presetKeys);
    if (digits.some((d) => !KEYPRESS_PATTERN.test(d))) {
      setErrors({ digits: 'Use the keys 0–9, * and #, separated by commas for each menu (like 9,3).' });
      return;
    }
    setErrors({});
    setFormError(null);
    setRunning(true);
    try {
      setCall(await simulateCall(tenant.id, { from, digits, answerScreening: answer, hangUpWhenDone: hangUp }));
      // The call, its voicemail and its texts are news for those lists.
      for (const key of [queryKeys.calls(tenant.id), queryKeys.voicemails(tenant.id), queryKeys.messages(tenant.id)]) void queryClient.invalidateQueries({ queryKey: key });
    } catch (error) {
      if (error instanceof ApiError) setErrors(Object.fromEntries(Object.entries(error.fields).map(([key, message]) => [key.replace(/\.\d+$/, ''), message])));
      setFormError(errorMessage(error));
    } finally {
      setRunning(false);
    }
  }

  return (
    <section aria-labelledby="simulator-title" className="simulator-page">
      <div className="page-toolbar">
        <div>
          <h1 id="simulator-title">Try a call</h1>
          <p className="muted">
            Call {formatPhone(tenant.phoneNumber)} without a phone: we play the call the way the phone company would, press the keys you choose, and show what the caller hears.
          </p>
        </div>
      </div>

      <form className="settings-card form" onSubmit={(event) => place(event)} noValidate aria-busy={running}>
        {formError && (
          <div className="form-alert" role="alert">
            {formError}
          </div>
        )}
        <div className="simulator-fields">
          <FormField id="sim-from" label="Caller's number" hint="Made up is fine; texts to it stay in the test sandbox." error={errors.from}>
            <input name="from" type="tel" inputMode="tel" value={from} onChange={(event) => setFrom(event.target.value)} />
          </FormField>
          <FormField id="sim-digits" label="Keys to press" hint="One key per menu; commas between menus, like 9,3. Empty: the caller presses nothing." error={errors.digits}>
            <input name="digits" type="text" inputMode="numeric" value={keys} onChange={(event) => setKeys(event.target.value)} />
          </FormField>
        </div>
        <Toggle label="Someone picks up when the call is forwarded (and presses 1 to accept)" checked={answer} onCheckedChange={setAnswer} />
        <Toggle label="The caller hangs up after the last key (otherwise they stay on the line in silence)" checked={hangUp} onCheckedChange={setHangUp} />
        <div className="preset-row">
          {PRESETS.map((preset) => (
            <button key={preset.keys} type="button" className="button button-ghost" disabled={running} onClick={() => place(undefined, preset.keys)}>
              {preset.label}
            </button>
          ))}
        </div>
        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={running}>
            {running ? 'Calling…' : 'Place test call'}
          </button>
        </div>
      </form>

      <p className="visually-hidden" role="status" aria-live="polite">
        {running ? 'Calling…' : call ? 'The test call ended.' : ''}
      </p>
      {call && <Transcript call={call} tenantId={tenant.id} />}
    </section>
  );
}
