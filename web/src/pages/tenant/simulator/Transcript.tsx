import { Link } from '@tanstack/react-router';
import { prettyXml } from '../../../../../domain/pretty-xml.ts';
import type { SimulatedCall, TranscriptLine } from '../../../api/types.ts';

const WHO: Record<TranscriptLine['leg'], string> = { caller: 'Caller', callee: 'You (forwarded)', system: 'Phone line' };

/** What the test call sounded like, line by line, and each webhook with the TwiML we answered. */
export function Transcript({ call, tenantId }: { call: SimulatedCall; tenantId: string }) {
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
          {call.durationSec} s call · <Link to="/t/$tenantId/calls" params={{ tenantId }}>See it in the call log</Link> ·{' '}
          <Link to="/t/$tenantId/texts" params={{ tenantId }}>Texts sent</Link>
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
