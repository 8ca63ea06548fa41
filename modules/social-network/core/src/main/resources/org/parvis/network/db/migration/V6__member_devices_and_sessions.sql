-- Browsers a member has signed in from (a long-lived random cookie, kept here as its SHA-256):
-- a sign-in from an unknown one sends the holder an email.
CREATE TABLE member_device (
  device_digest VARCHAR(64)  PRIMARY KEY,
  member_id     BIGINT       NOT NULL REFERENCES member_account (id) ON DELETE CASCADE,
  first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  browser       VARCHAR(60)  NOT NULL
);
CREATE INDEX member_device_by_member ON member_device (member_id);

-- The member's open sessions, which they see and can end from their security page.
CREATE TABLE member_session (
  session_digest VARCHAR(64) PRIMARY KEY,
  member_id      BIGINT      NOT NULL REFERENCES member_account (id) ON DELETE CASCADE,
  started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  remote_address VARCHAR(45),
  browser        VARCHAR(60) NOT NULL,
  ended_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX member_session_by_member ON member_session (member_id, ended_at, last_seen_at DESC);
