-- Two-factor authentication, mandatory for staff: a TOTP secret (RFC 6238), the last time step
-- used (a code is never accepted twice) and the digests of the unused recovery codes.
ALTER TABLE staff_account ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE staff_account ADD COLUMN totp_last_step BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE staff_recovery_code (
    account_id  BIGINT      NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
    code_digest VARCHAR(64) NOT NULL,
    PRIMARY KEY (account_id, code_digest)
);
