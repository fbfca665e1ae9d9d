// Phone numbers stay out of log lines: every line the one logger writes (message, error, nested
// fields, the Temporal runtime's own warnings) has E.164 numbers masked down to their last digits.
import { describe, expect, it } from 'vitest';
import { createLogger, maskPhoneNumbers, temporalRuntimeLogger } from './logger.ts';

function captured() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe('the logger', () => {
  it('masks E.164 numbers in the message, in fields and in errors (message and stack)', () => {
    const sink = captured();
    const logger = createLogger('info', { process: 'test' }, sink.destination);
    logger.warn({ to: '+19185550123', nested: { list: ['call from +447700900123'] }, form: 'To=%2B19185550177&Body=hi' }, 'texting +19185550123 failed');
    logger.error({ err: new Error("The 'To' number +19185550199 is not a valid phone number.") }, 'Twilio rejected a text');
    const text = sink.lines.join('');
    for (const number of ['+19185550123', '+447700900123', '%2B19185550177', '+19185550199', '9185550123', '7700900123', '9185550199']) expect(text).not.toContain(number);
    expect(sink.lines).toHaveLength(2);
    const [first, second] = sink.lines.map((line) => JSON.parse(line) as Record<string, unknown> & { err: { message: string; stack: string } });
    expect(first).toMatchObject({ msg: 'texting +*******0123 failed', to: '+*******0123', nested: { list: ['call from +********0123'] }, process: 'test' });
    expect(second!.err.message).toBe("The 'To' number +*******0199 is not a valid phone number.");
    expect(second!.err.stack).toContain('+*******0199');
  });

  it('leaves times, ids and amounts alone', () => {
    expect(maskPhoneNumbers('at 2026-12-01T10:00:00.000+00:00 id 7f3e2a10 amount +1500')).toBe('at 2026-12-01T10:00:00.000+00:00 id 7f3e2a10 amount +1500');
  });

  it("routes the Temporal runtime's log entries (activity failures) through the masking logger, warnings and up", () => {
    const sink = captured();
    const runtimeLogger = temporalRuntimeLogger(createLogger('info', {}, sink.destination));
    runtimeLogger.warn('Activity failed', { error: new Error("The 'To' number +19185550142 is not a valid phone number."), activityType: 'sendSms' });
    runtimeLogger.info('Worker state changed', { state: 'RUNNING' });
    expect(sink.lines).toHaveLength(1);
    const line = JSON.parse(sink.lines[0]!) as { level: number; msg: string; activityType: string; err: { message: string }; sdk: string };
    expect(line).toMatchObject({ level: 40, msg: 'Activity failed', activityType: 'sendSms', sdk: 'temporal' });
    expect(line.err.message).toBe("The 'To' number +*******0142 is not a valid phone number.");
  });
});
