import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Registered on the server by name (domain/workflow-ids.ts SEARCH_ATTRIBUTES); ids only, never personal data.
export const TenantIdKey = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const TenantTierKey = defineSearchAttributeKey('TenantTier', SearchAttributeType.KEYWORD);
export const TenantStatusKey = defineSearchAttributeKey('TenantStatus', SearchAttributeType.KEYWORD);
