-- Voicemail you can play: the business's own copy of each recording (voicemail_audio, fetched
-- from Twilio once it is recorded) and the transcript of what the caller said.

-- CreateEnum
CREATE TYPE "voicemail_transcript_status" AS ENUM ('none', 'pending', 'done', 'failed');

-- AlterTable
ALTER TABLE "voicemails" ADD COLUMN     "transcribed_by" TEXT,
ADD COLUMN     "transcript" TEXT,
ADD COLUMN     "transcript_status" "voicemail_transcript_status" NOT NULL DEFAULT 'none';

-- CreateTable
CREATE TABLE "voicemail_audio" (
    "voicemail_id" UUID NOT NULL,
    "tenant_id" TEXT NOT NULL DEFAULT NULLIF(current_setting('app.tenant_id'::text, true), ''::text),
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "voicemail_audio_pkey" PRIMARY KEY ("voicemail_id")
);

-- CreateIndex
CREATE INDEX "voicemail_audio_tenant_id_idx" ON "voicemail_audio"("tenant_id");

-- AddForeignKey
ALTER TABLE "voicemail_audio" ADD CONSTRAINT "voicemail_audio_voicemail_id_fkey" FOREIGN KEY ("voicemail_id") REFERENCES "voicemails"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ── Hand-written ─────────────────────────────────────────────────────────────
-- Audio is already dense: store it out of line and uncompressed, so substring() — a range request,
-- a chunk of the export — reads only the pages it needs instead of the whole value.
ALTER TABLE "voicemail_audio" ALTER COLUMN "data" SET STORAGE EXTERNAL;
ALTER TABLE "voicemail_audio" ADD CONSTRAINT "voicemail_audio_size_matches" CHECK (size_bytes = octet_length(data));

ALTER TABLE "voicemail_audio" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "voicemail_audio" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "voicemail_audio"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), ''));

GRANT SELECT, INSERT, UPDATE, DELETE ON "voicemail_audio" TO servicepro_app;
