-- Two-factor authentication: optional for members, mandatory for verified officials.
ALTER TABLE member_account ADD COLUMN totp_secret VARCHAR(200);
ALTER TABLE member_account ADD COLUMN totp_last_step BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE member_account ADD COLUMN recovery_codes VARCHAR(1000);
