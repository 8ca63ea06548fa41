-- Links mailed to people without an account (subscribers, registrants, contacts) to see, export
-- and erase what the brand site holds about their address: only the token's SHA-256 is kept.
CREATE TABLE brand_privacy_link (
  token_hash VARCHAR(64)  PRIMARY KEY,
  email      VARCHAR(254) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX brand_privacy_link_by_email ON brand_privacy_link (email, created_at);
