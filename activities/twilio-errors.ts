// What a failed Twilio SDK call says: REST errors carry an HTTP status and a Twilio code; network
// errors carry neither. Shared by every activity that calls Twilio.

export function twilioError(error: unknown): { status?: number; code?: number; message: string } {
  const e = error as { status?: unknown; code?: unknown; message?: unknown };
  return {
    status: typeof e.status === 'number' ? e.status : undefined,
    code: typeof e.code === 'number' ? e.code : undefined,
    message: typeof e.message === 'string' ? e.message : String(error),
  };
}
