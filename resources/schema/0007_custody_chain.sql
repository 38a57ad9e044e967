-- CaseAtlas schema 7: the custody log as a hash chain. Each entry keeps the hash of the entry
-- before it and its own hash, which covers its fields and that previous hash (SHA-256, computed
-- by the app: store/custodylog.cpp). An entry edited, removed or slipped in between no longer
-- fits the chain, and `caseatlas check` and opening the case name it.
--
-- Entries written before this schema are sealed into the chain once, when a case is updated:
-- the guard lets an entry without a hash get one, and nothing else.

ALTER TABLE custody_log ADD COLUMN prev_hash TEXT;
ALTER TABLE custody_log ADD COLUMN entry_hash TEXT;

DROP TRIGGER custody_log_no_update;
CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
WHEN OLD.entry_hash IS NOT NULL OR NEW.entry_hash IS NULL OR NEW.id IS NOT OLD.id
  OR NEW.at IS NOT OLD.at OR NEW.who IS NOT OLD.who OR NEW.action IS NOT OLD.action
  OR NEW.sha256 IS NOT OLD.sha256 OR NEW.attachment_id IS NOT OLD.attachment_id
  OR NEW.detail IS NOT OLD.detail
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
