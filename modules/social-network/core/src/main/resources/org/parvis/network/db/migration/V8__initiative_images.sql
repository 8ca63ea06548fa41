-- An initiative's optional image, stored cleaned (redrawn, without metadata) in the network
-- database with the rest of the initiative; image_at versions its address for browser caches.
CREATE TABLE initiative_image (
  initiative_id BIGINT      PRIMARY KEY REFERENCES initiative (id) ON DELETE CASCADE,
  content_type  VARCHAR(20) NOT NULL,
  width         INTEGER     NOT NULL,
  height        INTEGER     NOT NULL,
  bytes         BYTEA       NOT NULL,
  uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE initiative ADD COLUMN image_at TIMESTAMP WITH TIME ZONE;
