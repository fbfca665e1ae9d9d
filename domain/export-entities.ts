// What a tenant's data export holds: one CSV and one JSON file per entity, their columns, and the
// SQL that reads them a page at a time. Every page query is keyset-paginated on `key` ($1 the
// tenant, $2 the last key of the previous page, $3 the page size) and returns the page as ONE
// JSON text (json_agg), so Postgres does the per-row serialising and Node handles a page as a
// string: memory stays flat and per-row work cheap whatever the size. The queries run inside a
// tenant transaction (row-level security) and name the tenant as well, so the indexes apply.

export interface ExportColumn {
  /** The CSV header and JSON key (snake_case, as in the database). */
  name: string;
  /** An SQL expression when the column is not a plain column of the table. */
  sql?: string;
}

export interface ExportEntity {
  /** The file base name: `<name>.csv` and `<name>.json`. */
  name: string;
  description: string;
  columns: readonly ExportColumn[];
  /** The column pages are ordered and resumed by; unique within the tenant. */
  key: string;
  /** The key before the first row (keys are compared with `>`). */
  firstCursor: string;
  /** Returns one row, one column `page`: a JSON array of the page's rows (NULL when empty). */
  pageSql: string;
  /** Returns one row, one column `count`. */
  countSql: string;
}

const NO_UUID = '00000000-0000-0000-0000-000000000000';

/** The zip's folder of voicemail recordings: `<folder>/<voicemail id>.<wav|mp3>`, one per recording we keep. */
export const RECORDINGS_FOLDER = 'voicemail-audio';
const cols = (...names: string[]): ExportColumn[] => names.map((name) => ({ name }));
const selectList = (columns: readonly ExportColumn[], alias = '') =>
  columns.map((c) => (c.sql ? `${c.sql} AS ${c.name}` : `${alias}${c.name}`)).join(', ');

/** A tenant-owned table with a uuid `id`, exported column for column. */
function table(name: string, description: string, columns: ExportColumn[], from = name): ExportEntity {
  return {
    name,
    description,
    columns,
    key: 'id',
    firstCursor: NO_UUID,
    pageSql: `SELECT json_agg(r ORDER BY r.id)::text AS page FROM (
      SELECT ${selectList(columns)} FROM ${from}
      WHERE tenant_id = $1 AND id > $2::uuid ORDER BY id LIMIT $3) r`,
    countSql: `SELECT count(*)::int AS count FROM ${from} WHERE tenant_id = $1`,
  };
}

// The other party of a text: the sender of an inbound one, the recipient of an outbound one.
const COUNTERPART = `CASE WHEN direction = 'inbound' THEN from_number ELSE to_number END`;

const conversationColumns = cols('phone', 'customer_id', 'customer_name', 'messages', 'inbound', 'outbound', 'first_message_at', 'last_message_at', 'opted_out', 'opted_out_at');

const conversations: ExportEntity = {
  name: 'conversations',
  description: 'One row per phone number the business has texted with: the customer (when known), message counts, first and last message, and whether the number has opted out (STOP).',
  columns: conversationColumns,
  key: 'phone',
  firstCursor: '',
  pageSql: `SELECT json_agg(r ORDER BY r.phone)::text AS page FROM (
      SELECT m.phone, c.id AS customer_id, c.name AS customer_name, m.messages, m.inbound, m.outbound,
             m.first_message_at, m.last_message_at, (o.phone_number IS NOT NULL) AS opted_out, o.opted_out_at
      FROM (
        SELECT ${COUNTERPART} AS phone, count(*)::int AS messages,
               count(*) FILTER (WHERE direction = 'inbound')::int AS inbound,
               count(*) FILTER (WHERE direction = 'outbound')::int AS outbound,
               min(created_at) AS first_message_at, max(created_at) AS last_message_at
        FROM messages WHERE tenant_id = $1 AND ${COUNTERPART} > $2
        GROUP BY 1 ORDER BY 1 LIMIT $3
      ) m
      LEFT JOIN customers c ON c.tenant_id = $1 AND c.phone = m.phone
      LEFT JOIN sms_opt_outs o ON o.tenant_id = $1 AND o.phone_number = m.phone) r`,
  countSql: `SELECT count(DISTINCT ${COUNTERPART})::int AS count FROM messages WHERE tenant_id = $1`,
};

// The SIP password is left out on purpose: even sealed, a secret does not belong in a download.
const settingsColumns: ExportColumn[] = [
  ...cols('tenant_id'),
  ...['business_name', 'industry', 'logo_url', 'primary_color', 'tier', 'status'].map((name) => ({ name, sql: `tc.${name}` })),
  ...['phone_number', 'messaging_service_sid', 'sip_domain', 'sip_username', 'ivr_mode', 'forwarding_number', 'time_zone', 'business_hours',
    'jokes_enabled', 'missed_call_text_back', 'greeting_text', 'info_text', 'info_sms_text', 'after_hours_text', 'missed_call_text',
    'auto_reply_text', 'owner_notify_phone', 'owner_notify_email', 'allowed_countries'].map((name) => ({ name, sql: `pc.${name}` })),
  { name: 'created_at', sql: 'tc.created_at' },
  { name: 'updated_at', sql: 'GREATEST(tc.updated_at, pc.updated_at)' },
];

const settings: ExportEntity = {
  name: 'settings',
  description: 'The business settings: name, branding, plan and status, phone number, IVR, business hours and message texts (the SIP password is not exported).',
  columns: settingsColumns,
  key: 'tenant_id',
  firstCursor: '',
  pageSql: `SELECT json_agg(r)::text AS page FROM (
      SELECT ${selectList(settingsColumns, 'tc.')} FROM tenant_config tc LEFT JOIN tenant_phone_config pc ON pc.tenant_id = tc.tenant_id
      WHERE tc.tenant_id = $1 AND tc.tenant_id > $2 LIMIT $3) r`,
  countSql: `SELECT count(*)::int AS count FROM tenant_config WHERE tenant_id = $1`,
};

/** Every entity of the export, in the order the zip holds them. */
export const EXPORT_ENTITIES: readonly ExportEntity[] = [
  table('customers', 'The customers: name, phone, email, address, notes, and when each was last in touch (a call, text or website request).', cols('id', 'name', 'phone', 'email', 'address', 'notes', 'created_at', 'updated_at', 'last_contact_at')),
  table('vehicles', "The customers' vehicles or other serviced assets (a lawn, a pet, a house); details as JSON.", cols('id', 'customer_id', 'description', 'details', 'created_at')),
  table('services', 'What the business sells, with price and deposit (cents), duration and buffers before/after (minutes).',
    cols('id', 'name', 'description', 'price_cents', 'duration_min', 'buffer_before_min', 'buffer_after_min', 'deposit_cents', 'active', 'created_at')),
  table('resources', 'Who or what does the jobs (technicians, vans, bays), with their own weekly hours as JSON (empty = the business hours).',
    cols('id', 'name', 'kind', 'weekly_hours', 'active', 'created_at')),
  table('bookings', 'Bookings: customer, service, resource, asset, time, status, where it came from, address, price and deposit (cents).',
    cols('id', 'customer_id', 'service_id', 'resource_id', 'vehicle_id', 'starts_at', 'ends_at', 'status', 'source', 'address', 'notes', 'price_cents', 'deposit_cents', 'deposit_paid_at', 'confirmed_at', 'cancelled_at', 'cancellation_note', 'created_at')),
  table('invoices', "The business's invoices to its customers (amounts in cents).", cols('id', 'number', 'customer_id', 'booking_id', 'amount_cents', 'status', 'issued_at', 'paid_at')),
  table('calls', 'Phone calls to the business number: caller, times, IVR keys pressed, outcome.',
    cols('id', 'call_sid', 'from_number', 'to_number', 'customer_id', 'started_at', 'ended_at', 'duration_sec', 'digits', 'outcome', 'created_at')),
  table('voicemails', `Voicemails: caller, length, Twilio's recording id and link, and the transcript (transcript_status none = no speech-to-text was set up). The recording itself is ${RECORDINGS_FOLDER}/<id>.wav.`,
    cols('id', 'call_sid', 'recording_sid', 'recording_url', 'from_number', 'customer_id', 'duration_sec', 'listened_at', 'created_at', 'transcript', 'transcript_status', 'transcribed_by')),
  table('messages', 'Every text in and out.', cols('id', 'direction', 'kind', 'from_number', 'to_number', 'customer_id', 'body', 'status', 'segments', 'provider_sid', 'error', 'held_until', 'created_at', 'sent_at')),
  table('website_requests', "Requests sent from the business's website booking form: customer, service, when and where, message, and whether they agreed to texts.",
    cols('id', 'customer_id', 'service_id', 'service_name', 'preferred_time', 'address', 'message', 'sms_consent', 'created_at')),
  conversations,
  settings,
];

export type ExportRowCounts = Record<string, number>;

export const EXPORT_FORMAT_NOTES = [
  'Each entity is in two files with the same rows: <entity>.csv and <entity>.json.',
  'CSV: UTF-8 (with a byte-order mark, so spreadsheet programs detect it), comma-separated, CRLF line ends, a header row, fields quoted as RFC 4180 (a quote inside a field is doubled); an empty field is an empty value.',
  "CSV: a value that starts with =, +, -, @, a tab or a carriage return is written with a leading ' so spreadsheet programs show it as text and never run it as a formula; the JSON has the value exactly.",
  'JSON: a UTF-8 array of objects whose keys are the CSV headers; an empty value is null.',
  'Times are ISO 8601 in UTC; money is in cents; ids are UUIDs that link the files (e.g. bookings.customer_id → customers.id).',
  'JSON-valued columns (vehicles.details, settings.business_hours) are JSON text in the CSV and objects in the JSON.',
];

export interface ExportManifest {
  generatedAt: string;
  exportId: string;
  tenantId: string;
  businessName: string;
  reason: 'owner' | 'final';
  rowCounts: ExportRowCounts;
  files: { entity: string; csv: string; json: string; columns: string[]; description: string }[];
  /** The voicemail recordings in the zip. */
  recordings: { folder: string; files: number };
  format: string[];
}

export function exportManifest(input: Omit<ExportManifest, 'files' | 'format' | 'recordings'> & { recordingFiles: number }): ExportManifest {
  const { recordingFiles, ...rest } = input;
  return {
    ...rest,
    recordings: { folder: RECORDINGS_FOLDER, files: recordingFiles },
    files: EXPORT_ENTITIES.map((e) => ({ entity: e.name, csv: `${e.name}.csv`, json: `${e.name}.json`, columns: e.columns.map((c) => c.name), description: e.description })),
    format: EXPORT_FORMAT_NOTES,
  };
}

/** The short README.txt at the top of the zip, for a person opening it. */
export function exportReadme(manifest: ExportManifest): string {
  const lines = [
    `${manifest.businessName} — data export from ServicePro`,
    `Generated ${manifest.generatedAt} (export ${manifest.exportId}).`,
    manifest.reason === 'final'
      ? 'This is the final, complete export of the business, made before its account is closed and its records are deleted.'
      : 'This is a complete export of the business data, requested in the app.',
    '',
    'Files (rows):',
    ...manifest.files.map((f) => `  ${f.entity.padEnd(14)} ${String(manifest.rowCounts[f.entity] ?? 0).padStart(9)}  ${f.description}`),
    '',
    `Recordings: ${manifest.recordings.folder}/ holds ${manifest.recordings.files} voicemail recording(s), each named by its voicemail's id (voicemails.id); WAV files play in any audio player.`,
    '',
    'Format:',
    ...manifest.format.map((note) => `  - ${note}`),
    '',
    'manifest.json lists the same in machine-readable form, with each file\'s columns.',
    '',
  ];
  return lines.join('\r\n');
}
