-- Which side's database this is. The network's pool must never reach the brand's database (nor the
-- reverse): each side checks this table before migrating and stays DOWN if it names the other side.
CREATE TABLE parvis_database (
  side VARCHAR(10) PRIMARY KEY
);
INSERT INTO parvis_database (side) VALUES ('network');
