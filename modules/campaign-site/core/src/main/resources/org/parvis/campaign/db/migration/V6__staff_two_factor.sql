-- Two-factor authentication, mandatory for staff: a TOTP secret (RFC 6238), the last time step
-- used (a code is never accepted twice) and the digests of the unused recovery codes.
ALTER TABLE staff_account ADD COLUMN totp_secret VARCHAR(200);
ALTER TABLE staff_account ADD COLUMN totp_last_step BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE staff_account ADD COLUMN recovery_codes VARCHAR(1000);
