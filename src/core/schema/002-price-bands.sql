-- Format version 2: price bands and the price step of the roadmap.

ALTER TABLE project ADD COLUMN price_step REAL;
CREATE TABLE price_band (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  min_price REAL,
  max_price REAL
);

