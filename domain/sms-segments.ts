import { SegmentedMessage } from 'sms-segments-calculator';

/**
 * How many SMS segments a body costs, the way carriers bill it: GSM-7 fits 160 characters in one
 * segment (153 per part once split), anything outside GSM-7 switches the whole text to UCS-2
 * (70, then 67 per part). Twilio's own calculator, so our usage matches its invoice.
 */
export function smsSegments(body: string): number {
  return Math.max(1, new SegmentedMessage(body).segmentsCount);
}

export function smsEncoding(body: string): 'GSM-7' | 'UCS-2' {
  return new SegmentedMessage(body).encodingName;
}
