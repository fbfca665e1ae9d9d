import { prettyXml } from '../domain/pretty-xml.ts';
import type { SimulatedCall, TranscriptLine } from '../api/sandbox/call-simulator.ts';

const WHO: Record<TranscriptLine['leg'], string> = { caller: 'caller', callee: 'callee', system: '  call' };

function describe(line: TranscriptLine): string {
  if (line.kind === 'say') return `hears  "${line.text}"`;
  if (line.kind === 'play' || line.kind === 'pause') return `hears  ${line.text}`;
  return line.text;
}

/** The simulated call as plain text: the conversation, then (optionally) every request and its TwiML. */
export function formatTranscript(call: SimulatedCall, options: { twiml?: boolean } = {}): string {
  const out = [`Call ${call.callSid}: ${call.from} → ${call.to}`, ''];
  for (const line of call.lines) out.push(`${WHO[line.leg]}  ${describe(line)}`);
  out.push('', `Ended: ${call.endedBy}, ${call.durationSec} s${call.pressed.length ? `, keys ${call.pressed.join(' then ')}` : ''}`);
  if (call.error) out.push(`Error: ${call.error}`);
  if (options.twiml) {
    out.push('', 'Requests:');
    call.steps.forEach((step, index) => {
      const path = new URL(step.url).pathname + new URL(step.url).search;
      const fields = Object.entries(step.params)
        .filter(([key]) => !['AccountSid', 'ApiVersion', 'Called', 'Caller'].includes(key))
        .map(([key, value]) => `${key}=${value}`)
        .join(' ');
      out.push('', `${index + 1}. [${step.leg}] ${step.method} ${path} → ${step.status} (${step.ms} ms)`, `   ${fields}`);
      if (step.twiml) out.push(...prettyXml(step.twiml).split('\n').map((text) => `   ${text}`));
    });
  }
  return out.join('\n');
}
