-- Verified elected officials: a member holds a mandate granted by staff in the console, for a
-- territory, until an end date; revoked or expired mandates no longer count.
CREATE SEQUENCE official_mandate_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE official_mandate (
  id             BIGINT PRIMARY KEY,
  member_id      BIGINT       NOT NULL REFERENCES member_account (id) ON DELETE CASCADE,
  title          VARCHAR(120) NOT NULL,
  territory_kind VARCHAR(12)  NOT NULL,
  territory_code VARCHAR(5),
  territory_name VARCHAR(100) NOT NULL,
  ends_on        DATE         NOT NULL,
  granted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  granted_by     VARCHAR(64)  NOT NULL,
  revoked_at     TIMESTAMP WITH TIME ZONE,
  revoked_by     VARCHAR(64)
);
CREATE INDEX official_mandate_by_member ON official_mandate (member_id, ends_on);
CREATE INDEX official_mandate_by_end ON official_mandate (ends_on, id);
