import { useState, type FormEvent } from 'react';
import { parseKeypresses } from '../../../../domain/keypresses.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { simulateCall } from '../../api/tenant-endpoints.ts';
import type { SimulatedCall, TenantSummary, TranscriptLine } from '../../api/tenant-types.ts';
import { FormField } from '../../components/FormField.tsx';
import { formatPhone } from '../../lib/format.ts';
import { Link } from '../../lib/router.ts';
import { prettyXml } from '../../../../domain/pretty-xml.ts';

const PRESETS: { keys: string; label: string }[] = [
  { keys: '1', label: 'Press 1 — info' },
  { keys: '2', label: 'Press 2 — talk to you' },
  { keys: '3', label: 'Press 3 — voicemail' },
  { keys: '9,3', label: 'Wrong key, then 3' },
];

const WHO: Record<TranscriptLine['leg'], string> = { caller: 'Caller', callee: 'You (forwarded)', system: 'Phone line' };

/** "Try a call": plays a call to the business number the way Twilio would, and shows every step. */
export function CallSimulatorPage({ tenant }: { tenant: TenantSummary }) {
  const [from, setFrom] = useState('+19185550199');
  const [keys, setKeys] = useState('1');
  const [answer, setAnswer] = useState(false);
  const [hangUp, setHangUp] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [call, setCall] = useState<SimulatedCall | null>(null);

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
    if (digits.some((d) => !/^[0-9*#]{1,10}$/.test(d))) {
      setErrors({ digits: 'Use the keys 0–9, * and #, separated by commas for each menu (like 9,3).' });
      return;
    }
    setErrors({});
    setFormError(null);
    setRunning(true);
    try {
      setCall(await simulateCall(tenant.id, { from, digits, answerScreening: answer, hangUpWhenDone: hangUp }));
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
        <label className="toggle">
          <input type="checkbox" checked={answer} onChange={(event) => setAnswer(event.target.checked)} />
          <span className="toggle-track" aria-hidden="true" />
          Someone picks up when the call is forwarded (and presses 1 to accept)
        </label>
        <label className="toggle">
          <input type="checkbox" checked={hangUp} onChange={(event) => setHangUp(event.target.checked)} />
          <span className="toggle-track" aria-hidden="true" />
          The caller hangs up after the last key (otherwise they stay on the line in silence)
        </label>
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

function Transcript({ call, tenantId }: { call: SimulatedCall; tenantId: string }) {
  return (
    <div className="transcript" data-testid="call-transcript" data-call-sid={call.callSid}>
      <div className="settings-card">
        <h2>What happened</h2>
        {call.error && (
          <p className="form-alert" role="alert">
            {call.error}
          </p>
        )}
        <ol className="conversation">
          {call.lines.map((line, index) => (
            <li key={index} className={`line line-${line.leg} line-${line.kind}`}>
              <span className="line-who">{WHO[line.leg]}</span>
              <span className="line-text">{line.kind === 'say' ? `“${line.text}”` : line.text}</span>
            </li>
          ))}
        </ol>
        <p className="muted small-text">
          {call.pressed.length > 0 ? `Pressed ${call.pressed.join(' then ')} · ` : ''}
          {call.durationSec} s call · <Link to={`/t/${tenantId}/calls`}>See it in the call log</Link> · <Link to={`/t/${tenantId}/texts`}>Texts sent</Link>
        </p>
      </div>
      <div className="settings-card">
        <h2>Step by step</h2>
        <p className="field-hint">Each request the phone company made, and the instructions (TwiML) our server answered with.</p>
        <ol className="steps-list">
          {call.steps.map((step, index) => {
            const url = new URL(step.url);
            return (
              <li key={index} className="step" data-step={index + 1}>
                <details>
                  <summary>
                    <span className={`step-leg leg-${step.leg}`}>{step.leg === 'caller' ? 'Caller' : 'Forwarded'}</span> <code>{step.method} {url.pathname}</code>
                    {step.params.Digits !== undefined && <span className="step-note"> pressed {step.params.Digits}</span>}
                    {step.params.DialCallStatus && <span className="step-note"> {step.params.DialCallStatus}</span>}
                    <span className="muted small-text">
                      {' '}
                      {step.status} · {step.ms} ms
                    </span>
                  </summary>
                  <dl className="step-params">
                    {Object.entries(step.params).map(([key, value]) => (
                      <div key={key}>
                        <dt>{key}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </dl>
                  {step.twiml ? <pre className="twiml">{prettyXml(step.twiml)}</pre> : <p className="muted small-text">(no TwiML: a status callback)</p>}
                </details>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
