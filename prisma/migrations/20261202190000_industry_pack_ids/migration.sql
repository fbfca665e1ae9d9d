-- ── Hand-written: data only ─────────────────────────────────────────────────
-- tenant_config.industry now holds an industry pack id (domain/industry-packs/). The registry's
-- old choice 'cleaning' is the house-cleaning pack. Every other old choice ('auto-detailing',
-- 'lawn-care', 'pet-grooming', 'other') is already a pack id. No schema change: the column stays
-- text, and an id without a pack reads as the 'other' pack. (No semicolons in these comments:
-- the migration engine splits the script on them.)
UPDATE "tenant_config" SET "industry" = 'house-cleaning' WHERE "industry" = 'cleaning';
