-- Format version 3: the review deck (its slides, their order and notes) and
-- the review baselines. Baselines are snapshots of the plan for "what
-- changed": like ipms_history they are kept outside the undo history.

CREATE TABLE deck_slide (
  id INTEGER PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL DEFAULT 'title' CHECK (kind IN ('title', 'five_looks', 'isor', 'ctmo', 'category', 'population', 'panorama', 'three_year_plan', 'new_products', 'roadmap', 'campaigns', 'product', 'team', 'changes')),
  position INTEGER,
  hidden INTEGER,
  notes TEXT,
  product_id INTEGER
);
CREATE INDEX deck_slide_product_id ON deck_slide (product_id);

CREATE TABLE ipms_baseline (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  created TEXT NOT NULL,
  snapshot BLOB NOT NULL
);
