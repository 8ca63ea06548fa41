-- Accounts created by an administrator get a one-time password that must be replaced at the
-- first sign-in.
ALTER TABLE staff_account ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
