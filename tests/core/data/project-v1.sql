-- A project file as written by format version 1 (IPMS Planner before price bands).
-- Generated from src/core/schema/001-initial.sql plus a little content.

CREATE TABLE project (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  category TEXT,
  currency TEXT,
  start_year INTEGER,
  plan_year INTEGER,
  mission TEXT,
  vision TEXT,
  strategic_intent TEXT,
  ultimate_value TEXT,
  tech_direction TEXT,
  macro_political TEXT,
  macro_economic TEXT,
  macro_social TEXT,
  macro_technological TEXT,
  industry_stage TEXT,
  industry_size TEXT,
  industry_concentration TEXT,
  industry_opportunities TEXT,
  customer_personas TEXT,
  customer_needs TEXT,
  customer_behaviour TEXT,
  self_strengths TEXT,
  self_weaknesses TEXT,
  self_gaps TEXT,
  decide_strategy TEXT,
  decide_targets TEXT,
  decide_plan TEXT,
  consumer_market_size TEXT,
  consumer_growth TEXT,
  consumer_regions TEXT,
  consumer_pain_points TEXT,
  tech_trends TEXT,
  tech_reuse TEXT,
  tech_performance TEXT,
  market_upstream TEXT,
  market_midstream TEXT,
  market_downstream TEXT,
  org_capabilities TEXT,
  org_talent TEXT,
  category_market_size TEXT,
  category_growth TEXT,
  x_axis_title TEXT,
  y_axis_title TEXT,
  value_proposition TEXT,
  selling_support TEXT,
  net_revenue_target REAL,
  gross_margin_target REAL
);

CREATE TABLE grade (
  id INTEGER PRIMARY KEY NOT NULL,
  code TEXT NOT NULL DEFAULT 'R' CHECK (code IN ('R', 'S', 'A', 'B', 'F')),
  label TEXT NOT NULL DEFAULT '',
  description TEXT
);

CREATE TABLE member (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT 'pm' CHECK (role IN ('pm', 'mm', 'cm', 'other')),
  title TEXT,
  email TEXT,
  notes TEXT
);

CREATE TABLE axis_item (
  id INTEGER PRIMARY KEY NOT NULL,
  axis TEXT NOT NULL DEFAULT 'x' CHECK (axis IN ('x', 'y')),
  position INTEGER,
  label TEXT NOT NULL DEFAULT '',
  description TEXT
);

CREATE TABLE segment (
  id INTEGER PRIMARY KEY NOT NULL,
  x_item_id INTEGER NOT NULL,
  y_item_id INTEGER NOT NULL,
  name TEXT,
  size INTEGER,
  market_value REAL,
  growth REAL,
  trend TEXT,
  state TEXT,
  needs TEXT,
  role TEXT NOT NULL DEFAULT 'none' CHECK (role IN ('none', 'core', 'radiating'))
);
CREATE INDEX segment_x_item_id ON segment (x_item_id);
CREATE INDEX segment_y_item_id ON segment (y_item_id);

CREATE TABLE need (
  id INTEGER PRIMARY KEY NOT NULL,
  segment_id INTEGER,
  rank INTEGER,
  text TEXT NOT NULL DEFAULT '',
  competitor_gap TEXT
);
CREATE INDEX need_segment_id ON need (segment_id);

CREATE TABLE series (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  positioning TEXT,
  differentiation TEXT,
  business_model TEXT,
  brand_tone TEXT,
  entry_date TEXT,
  first_launch_date TEXT,
  refresh_date TEXT,
  color TEXT,
  owner_id INTEGER,
  position INTEGER
);
CREATE INDEX series_owner_id ON series (owner_id);

CREATE TABLE series_segment (
  id INTEGER PRIMARY KEY NOT NULL,
  series_id INTEGER NOT NULL,
  segment_id INTEGER NOT NULL
);
CREATE INDEX series_segment_series_id ON series_segment (series_id);
CREATE INDEX series_segment_segment_id ON series_segment (segment_id);

CREATE TABLE product (
  id INTEGER PRIMARY KEY NOT NULL,
  series_id INTEGER,
  name TEXT NOT NULL DEFAULT '',
  grade TEXT NOT NULL DEFAULT 'R' CHECK (grade IN ('R', 'S', 'A', 'B', 'F')),
  price REAL,
  cost REAL,
  status TEXT NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'planned', 'developing', 'launched', 'retired')),
  dev_start TEXT,
  dev_complete TEXT,
  launch_date TEXT,
  segment_id INTEGER,
  cell_order INTEGER,
  owner_id INTEGER,
  concept TEXT,
  form TEXT,
  features TEXT,
  selling_points TEXT,
  scenarios TEXT,
  user_needs TEXT,
  competitiveness TEXT,
  ui_interaction TEXT,
  sales_regions TEXT
);
CREATE INDEX product_series_id ON product (series_id);
CREATE INDEX product_segment_id ON product (segment_id);
CREATE INDEX product_owner_id ON product (owner_id);

CREATE TABLE product_competitor (
  id INTEGER PRIMARY KEY NOT NULL,
  product_id INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  price REAL,
  strengths TEXT,
  weaknesses TEXT
);
CREATE INDEX product_competitor_product_id ON product_competitor (product_id);

CREATE TABLE product_spec (
  id INTEGER PRIMARY KEY NOT NULL,
  product_id INTEGER NOT NULL,
  kind TEXT NOT NULL DEFAULT 'software' CHECK (kind IN ('software', 'hardware', 'ui', 'component')),
  name TEXT NOT NULL DEFAULT '',
  value TEXT
);
CREATE INDEX product_spec_product_id ON product_spec (product_id);

CREATE TABLE certification (
  id INTEGER PRIMARY KEY NOT NULL,
  product_id INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  region TEXT,
  status TEXT
);
CREATE INDEX certification_product_id ON certification (product_id);

CREATE TABLE faq (
  id INTEGER PRIMARY KEY NOT NULL,
  product_id INTEGER NOT NULL,
  question TEXT NOT NULL DEFAULT '',
  answer TEXT
);
CREATE INDEX faq_product_id ON faq (product_id);

CREATE TABLE box_item (
  id INTEGER PRIMARY KEY NOT NULL,
  product_id INTEGER NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  quantity INTEGER,
  optional INTEGER
);
CREATE INDEX box_item_product_id ON box_item (product_id);

CREATE TABLE competitor (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  strategy TEXT,
  products TEXT,
  performance TEXT,
  strengths TEXT,
  weaknesses TEXT
);

CREATE TABLE gap (
  id INTEGER PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL DEFAULT 'performance' CHECK (kind IN ('performance', 'opportunity')),
  description TEXT NOT NULL DEFAULT '',
  target TEXT,
  actual TEXT,
  opportunity TEXT
);

CREATE TABLE initiative (
  id INTEGER PRIMARY KEY NOT NULL,
  gap_id INTEGER,
  description TEXT NOT NULL DEFAULT '',
  time_frame TEXT,
  owner_id INTEGER
);
CREATE INDEX initiative_gap_id ON initiative (gap_id);
CREATE INDEX initiative_owner_id ON initiative (owner_id);

CREATE TABLE objective (
  id INTEGER PRIMARY KEY NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  module TEXT NOT NULL DEFAULT 'sales' CHECK (module IN ('sales', 'marketing', 'rnd', 'supply', 'operations', 'brand', 'other')),
  owner_id INTEGER,
  year INTEGER
);
CREATE INDEX objective_owner_id ON objective (owner_id);

CREATE TABLE key_result (
  id INTEGER PRIMARY KEY NOT NULL,
  objective_id INTEGER NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  module TEXT NOT NULL DEFAULT 'sales' CHECK (module IN ('sales', 'marketing', 'rnd', 'supply', 'operations', 'brand', 'other')),
  owner_id INTEGER,
  target REAL,
  current REAL,
  unit TEXT
);
CREATE INDEX key_result_objective_id ON key_result (objective_id);
CREATE INDEX key_result_owner_id ON key_result (owner_id);

CREATE TABLE review (
  id INTEGER PRIMARY KEY NOT NULL,
  month TEXT NOT NULL DEFAULT '',
  reached TEXT,
  deviation TEXT,
  root_cause TEXT,
  action TEXT
);

CREATE TABLE region (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  market_size REAL,
  growth REAL,
  notes TEXT
);

CREATE TABLE supplier (
  id INTEGER PRIMARY KEY NOT NULL,
  component TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  scale TEXT,
  location TEXT,
  capacity TEXT,
  cost TEXT,
  risk TEXT
);

CREATE TABLE channel (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  kind TEXT,
  distribution TEXT,
  cost_structure TEXT
);

CREATE TABLE yearly_target (
  id INTEGER PRIMARY KEY NOT NULL,
  year INTEGER,
  series_id INTEGER,
  sales REAL,
  margin REAL,
  ranking INTEGER,
  brand_awareness REAL
);
CREATE INDEX yearly_target_series_id ON yearly_target (series_id);

CREATE TABLE campaign (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  ta_segment_id INTEGER,
  goal TEXT,
  start_date TEXT,
  end_date TEXT,
  product_plan TEXT,
  price_plan TEXT,
  place_plan TEXT,
  promotion_plan TEXT,
  ipd_request TEXT,
  ipc_request TEXT,
  isc_request TEXT,
  iea_request TEXT,
  owner_id INTEGER
);
CREATE INDEX campaign_ta_segment_id ON campaign (ta_segment_id);
CREATE INDEX campaign_owner_id ON campaign (owner_id);

CREATE TABLE plan_line (
  id INTEGER PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL DEFAULT 'hc' CHECK (kind IN ('hc', 'pnl', 'budget')),
  year INTEGER,
  name TEXT NOT NULL DEFAULT '',
  amount REAL,
  notes TEXT,
  position INTEGER
);

CREATE TABLE sub_category (
  id INTEGER PRIMARY KEY NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL DEFAULT 'continue' CHECK (decision IN ('continue', 'pause', 'enter')),
  timing TEXT,
  notes TEXT
);

CREATE TABLE ipms_history (
  id INTEGER PRIMARY KEY NOT NULL,
  label TEXT NOT NULL,
  merge_key TEXT,
  created REAL NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0,
  changeset BLOB NOT NULL
);

CREATE TABLE ipms_view_state (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT
);
INSERT INTO project (id, name, currency, start_year, plan_year) VALUES (1, 'Legacy plan', 'EUR', 2025, 2026);
INSERT INTO grade (id, code, label) VALUES (1, 'R', 'Flagship'), (2, 'S', 'Strategic'), (3, 'A', 'Core'), (4, 'B', 'Supporting'), (5, 'F', 'Traffic');
INSERT INTO axis_item (id, axis, position, label) VALUES (1, 'x', 0, 'Convenience'), (2, 'y', 0, 'Young owners');
INSERT INTO segment (id, x_item_id, y_item_id, name, size, role) VALUES (1, 1, 2, 'Busy young owners', 120000, 'core');
INSERT INTO series (id, name, color) VALUES (1, 'Auto', '#3584e4');
INSERT INTO product (id, series_id, name, grade, price, cost, status, segment_id, cell_order) VALUES (1, 1, 'Feeder Mini', 'S', 59.0, 21.5, 'planned', 1, 0);
INSERT INTO ipms_history (id, label, merge_key, created, undone, changeset) VALUES (1, 'Old step', NULL, 0, 0, x'');
PRAGMA application_id = 1229999443;
PRAGMA user_version = 1;
