-- The party's identity on its sites (one row, id 1), set by an administrator in the console: its
-- names, colours (each checked for 4.5:1 contrast with white), the brand home's hero text, logo,
-- icon and sharing image (PNG or JPEG redrawn, or an SVG drawing checked element by element).
-- Both databases have this table: the console writes the brand's and the network's copy, so the
-- network never reads the brand's database.
CREATE TABLE site_identity (
  id               SMALLINT     PRIMARY KEY CHECK (id = 1),
  party_name       VARCHAR(120) NOT NULL,
  short_name       VARCHAR(30)  NOT NULL,
  main_colour      VARCHAR(7)   NOT NULL,
  accent_colour    VARCHAR(7)   NOT NULL,
  hero_fr          VARCHAR(400),
  hero_en          VARCHAR(400),
  logo             BYTEA,
  logo_type        VARCHAR(40),
  icon             BYTEA,
  icon_type        VARCHAR(40),
  share_image      BYTEA,
  share_image_type VARCHAR(40),
  version          BIGINT       NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
