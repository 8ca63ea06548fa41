-- Who decided on an item, and its statement of reasons (what an appeal answers).
ALTER TABLE moderation_item ADD COLUMN decided_by VARCHAR(100);
ALTER TABLE moderation_item ADD COLUMN statement VARCHAR(2000);
ALTER TABLE moderation_item ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;

-- One appeal per decided item, by its author, decided by another moderator.
CREATE TABLE moderation_appeal (
  kind        VARCHAR(12)   NOT NULL,
  item_id     BIGINT        NOT NULL,
  author_id   BIGINT        NOT NULL,
  text        VARCHAR(2000) NOT NULL,
  filed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by  VARCHAR(100),
  outcome     VARCHAR(10),
  statement   VARCHAR(2000),
  decided_at  TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (kind, item_id)
);
CREATE INDEX moderation_appeal_pending ON moderation_appeal (outcome, filed_at);
