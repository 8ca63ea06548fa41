-- Staff of the party (editors, moderators, administrators, data protection officer).
-- Members of the network are not here: they live in the network database, unlinked.
CREATE SEQUENCE staff_account_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE staff_account (
  id              BIGINT PRIMARY KEY,
  username        VARCHAR(64)  NOT NULL,
  display_name    VARCHAR(100) NOT NULL,
  password_hash   VARCHAR(512) NOT NULL,
  roles           VARCHAR(200) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  last_sign_in_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT staff_account_username UNIQUE (username)
);

-- Append-only log of sign-ins, failures, throttling and account changes.
CREATE SEQUENCE staff_security_event_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE staff_security_event (
  id             BIGINT PRIMARY KEY,
  occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  username       VARCHAR(64),
  kind           VARCHAR(40)  NOT NULL,
  remote_address VARCHAR(45),
  detail         VARCHAR(500)
);

CREATE INDEX staff_security_event_by_user ON staff_security_event (username, occurred_at DESC);

-- Failed sign-ins per account and per address, for increasing delays.
CREATE TABLE sign_in_throttle (
  throttle_key    VARCHAR(120) PRIMARY KEY,
  failures        INTEGER NOT NULL,
  last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL
);
