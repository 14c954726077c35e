#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes the fuzzers' seed corpus (run again when the format changes):

    tests/fuzz/make-corpus.py _build/src/ipms-planner

corpus/json/     the example plans cut small (short texts, two rows of each
                 table nothing refers to), a minimal plan, and hostile texts
                 that the importer must refuse cleanly
corpus/project/  project files imported from the small plans (and one with
                 prices and dates at the edges), vacuumed to small pages so
                 that each stays under 50 KB

Inputs known to crash are never put here (see tests/fuzz/README.md)."""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, '..', '..', 'src', 'core', 'examples')
JSON_DIR = os.path.join(HERE, 'corpus', 'json')
PROJECT_DIR = os.path.join(HERE, 'corpus', 'project')

# Tables whose rows nothing else refers to: two rows are enough.
LEAF_TABLES = {
    'product_competitors', 'product_specs', 'certifications', 'faqs',
    'box_items', 'key_results', 'reviews', 'yearly_targets',
    'campaigns', 'plan_lines', 'series_segments', 'needs',
}


def shorten(value):
    if isinstance(value, str) and len(value) > 16 and not value[:4].isdigit():
        return value[:16]
    return value


def trim(plan):
    small = {}
    for key, value in plan.items():
        if isinstance(value, list):
            rows = value[:2] if key in LEAF_TABLES else value
            value = [{k: shorten(v) for k, v in row.items()} for row in rows]
        small[key] = value
    return small


def write(name, text):
    with open(os.path.join(JSON_DIR, name), 'w', encoding='utf-8', newline='') as f:
        f.write(text)


def main():
    planner = sys.argv[1]
    os.makedirs(JSON_DIR, exist_ok=True)
    os.makedirs(PROJECT_DIR, exist_ok=True)

    plans = {}
    for lang in ('en', 'zh_CN'):
        with open(os.path.join(EXAMPLES, f'pet-products.{lang}.json'), encoding='utf-8') as f:
            plans[lang] = trim(json.load(f))
        write(f'example-{lang}.json', json.dumps(plans[lang], ensure_ascii=False, indent=1))

    # The smallest plan import accepts: the project, its grades, one product.
    minimal = {k: v for k, v in plans['en'].items() if not isinstance(v, list)}
    minimal['projects'] = plans['en']['projects']
    minimal['grades'] = plans['en']['grades']
    product = dict(plans['en']['products'][0], series_id=None, segment_id=None, owner_id=None)
    minimal['products'] = [product]
    plans['minimal'] = minimal
    write('minimal.json', json.dumps(minimal, separators=(',', ':')))

    # Hostile texts: each must be refused with a message, nothing else.
    head = '{"format":"ipms-planner","version":1,'
    hostile = {
        'empty.json': '',
        'not-an-object.json': '[1,2,3]',
        'wrong-format.json': '{"format":"other","version":1}',
        'too-new.json': '{"format":"ipms-planner","version":99}',
        'nested-64.json': '[' * 64 + ']' * 64,
        'duplicate-key.json': head + '"version":1,"projects":[]}',
        'escaped-nul.json': head + '"projects":[{"id":1,"name":"a\\u0000b"}]}',
        'lone-surrogate.json': head + '"projects":[{"id":1,"name":"\\ud800"}]}',
        'huge-integer.json': head + '"projects":[{"id":123456789012345678901234567890}]}',
        'trailing-text.json': head + '"projects":[]} {}',
        'bad-utf8.json': head + '"projects":[{"id":1,"name":"\xff\xfe"}]}',
        'wrong-types.json': head + '"projects":{"id":"one"},"products":7}',
        'bad-date.json': json.dumps(dict(minimal, products=[dict(product, launch_date='2027-02-30')])),
        'extreme-dates.json': json.dumps(dict(minimal, products=[dict(product, launch_date='0001-01-01', dev_start='9999-12-31')])),
        'huge-price.json': json.dumps(dict(minimal, products=[dict(product, price=1e15), dict(product, id=2, price=999999999999999.875)])),
        'infinite-price.json': head + '"projects":[],"products":[{"id":1,"price":1e999}]}',
        'dangling-reference.json': json.dumps(dict(minimal, products=[dict(product, series_id=77)])),
    }
    for name, text in hostile.items():
        write('hostile-' + name, text)

    # Project files: each small plan imported, then vacuumed to 512-byte
    # pages (the smallest SQLite has) to stay under 50 KB each.
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=tmp)
        # Products at the edges of what the charts must draw; the file then
        # gets what only another program could store: infinite prices.
        plans['edges'] = dict(minimal, products=[
            dict(product, id=1, price=1e15, launch_date='0001-01-01'),
            dict(product, id=2, price=999999999999999.875, launch_date='9999-12-31'),
            dict(product, id=3, price=0, launch_date='2027-03-01'),
            dict(product, id=4, price=5, launch_date='2027-03-02'),
        ])
        for name in ('minimal', 'en', 'edges'):
            source = os.path.join(tmp, name + '.json')
            target = os.path.join(PROJECT_DIR, f'{name}.ipms')
            with open(source, 'w', encoding='utf-8') as f:
                json.dump(plans[name], f, ensure_ascii=False)
            if os.path.exists(target):
                os.unlink(target)
            subprocess.run([planner, '--import-json', source, target], env=env, check=True)
            db = sqlite3.connect(target)
            # The undo step of the import holds the plan a second time; the
            # minimal project keeps its step, the others are smaller without.
            if name != 'minimal':
                db.execute('DELETE FROM ipms_history')
            if name == 'edges':
                db.execute('UPDATE product SET price = 9e999 WHERE id = 3')
                db.execute('UPDATE product SET price = -1e300 WHERE id = 4')
            db.commit()
            db.execute('PRAGMA page_size=512')
            db.execute('VACUUM')
            db.close()
            print(target, os.path.getsize(target))


if __name__ == '__main__':
    main()
