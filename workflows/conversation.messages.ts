import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { InboundSms } from '../domain/inbound-sms.ts';
import type { InboundIntent } from '../domain/sms-keywords.ts';

// The conversation workflow's messages and shapes (workflows/conversation.ts handles them): the
// SMS webhook signals with these without importing the workflow code.

export interface ConversationInput {
  tenantId: string;
  customerId: string;
  /** The customer's number (E.164); payloads are encrypted, so it may travel here but never in the id. */
  customerPhone: string;
  /** Carried across continue-as-new. */
  recentMessageSids?: string[];
  lastAutoReplyAt?: string | null;
  handled?: number;
}

export interface ConversationState {
  tenantId: string;
  customerId: string;
  handled: number;
  lastAutoReplyAt: string | null;
  recentMessageSids: string[];
  lastIntent: InboundIntent | null;
}

export const inboundSmsSignal = defineSignal<[InboundSms]>('inboundSms');
export const conversationStateQuery = defineQuery<ConversationState>('conversationState');
