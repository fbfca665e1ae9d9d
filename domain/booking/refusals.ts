// What a customer (or owner) is told when a booking or a change is refused: what happened and what
// to do. One table for the API, the workflow's update results and the agent's tools.

export type BookingRefusalReason =
  | 'slot_taken'
  | 'not_offered'
  | 'service_not_found'
  | 'no_resource'
  | 'booking_not_found'
  | 'not_changeable'
  | 'too_late'
  | 'try_again';

export const REFUSAL_MESSAGES: Record<BookingRefusalReason, string> = {
  slot_taken: 'Sorry, that time was just taken. Please pick another time.',
  not_offered: 'That time is not available for booking. Please pick one of the times shown.',
  service_not_found: 'That service is not offered any more. Please pick another service.',
  no_resource: 'Nobody can do that service at that time. Please pick another time, or call or text the business.',
  booking_not_found: 'There is no such booking.',
  not_changeable: 'This booking can no longer be changed (it is cancelled, expired or done).',
  too_late: 'It is too close to the appointment to change it online. Please call or text the business.',
  try_again: 'We could not finish that just now. Nothing was changed; please try again in a moment.',
};
