// Attribute filters (issue #16): the GIN index on a jsonb column that the product list uses, against a
// key/value table with a (key, value, product_id) primary key, on the same 100,000 products, the same
// queries (the first page of 50 by SKU), in one fresh database. Database only: the list route adds the
// same gateway and RPC cost to either. Run with `npm run bench:attributes`.
//
//   BENCH_PRODUCTS=100000   products to create
//   BENCH_ROUNDS=300        runs of each query per structure
import { createTestDatabase } from '@omni/testing';
import pg from 'pg';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

/** The attributes bench/rest gives its products: 4 languages, 25 regions, 1,000 editions. */
const attributesOf = (n) => ({
  language: ['ja', 'en', 'de', 'fr'][n % 4],
  marketRegion: `R${n % 25}`,
  edition: `e${n % 1000}`,
});

const FILTERS = [
  ['language=ja (25%)', { language: 'ja' }],
  ['language=ja & marketRegion=R5 (1%)', { language: 'ja', marketRegion: 'R5' }],
  ['edition=e777 (0.1%)', { edition: 'e777' }],
  ['noSuchKey=x (none)', { noSuchKey: 'x' }],
];

/** The product list's own filter (services/inventory/src/projections/productList/query.ts). */
const jsonbQuery = (filter) => ({
  text: `SELECT id, sku FROM products WHERE attributes @> $1::jsonb ORDER BY sku LIMIT 51`,
  values: [JSON.stringify(filter)],
});

/** The same filter over the key/value table: one index probe per pair (the planner picks walk or lookup). */
const keyValueQuery = (filter) => {
  const pairs = Object.entries(filter);
  const exists = pairs.map(
    (_, i) =>
      `EXISTS (SELECT 1 FROM product_attributes a WHERE a.key = $${2 * i + 1} AND a.value = $${2 * i + 2} AND a.product_id = p.id)`,
  );
  return {
    text: `SELECT p.id, p.sku FROM products p WHERE ${exists.join(' AND ')} ORDER BY p.sku LIMIT 51`,
    values: pairs.flat(),
  };
};

const database = await createTestDatabase('omni_bench_attributes');
const pool = new pg.Pool({ connectionString: database.url, max: 1 });
try {
  const started = performance.now();
  await pool.query(`
    CREATE TABLE products (id uuid PRIMARY KEY, sku text NOT NULL UNIQUE, attributes jsonb NOT NULL);
    CREATE TABLE product_attributes (key text, value text, product_id uuid, PRIMARY KEY (key, value, product_id));
    INSERT INTO products
      SELECT gen_random_uuid(), 'SKU-' || lpad(n::text, 6, '0'),
             jsonb_build_object('language', (ARRAY['ja','en','de','fr'])[n % 4 + 1], 'marketRegion', 'R' || n % 25, 'edition', 'e' || n % 1000)
        FROM generate_series(0, ${PRODUCTS - 1}) AS n;
    INSERT INTO product_attributes SELECT a.key, a.value, p.id FROM products p, jsonb_each_text(p.attributes) AS a;
    CREATE INDEX ON products USING gin (attributes jsonb_path_ops);`);
  for (const table of ['products', 'product_attributes']) await pool.query(`VACUUM ANALYZE ${table}`);
  if (
    JSON.stringify(attributesOf(5)) !== JSON.stringify({ language: 'en', marketRegion: 'R5', edition: 'e5' })
  )
    throw new Error('the generated attributes drifted from bench/rest');
  const size = async (relation) =>
    (await pool.query(`SELECT pg_size_pretty(pg_total_relation_size($1)) AS s`, [relation])).rows[0].s;
  console.log(
    `node ${process.version}, ${PRODUCTS.toLocaleString('en')} products made in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `products with GIN: ${await size('products')}, key/value table: ${await size('product_attributes')}; ${ROUNDS} runs per query; load ${(
        await import('node:os')
      )
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
  );
  console.log('| filter | GIN jsonb p50 | GIN jsonb p99 | key/value p50 | key/value p99 | same answer |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name, filter] of FILTERS) {
    const gin = await measure(jsonbQuery(filter));
    const kv = await measure(keyValueQuery(filter));
    const same = JSON.stringify(gin.rows) === JSON.stringify(kv.rows);
    console.log(
      `| ${name} | ${gin.p50} ms | ${gin.p99} ms | ${kv.p50} ms | ${kv.p99} ms | ${same ? 'yes' : 'NO'} |`,
    );
  }
} finally {
  await pool.end();
  await database.drop();
}

async function measure(query) {
  const times = [];
  let rows;
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    rows = (await pool.query(query)).rows;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  return { p50: at(0.5), p99: at(0.99), rows };
}
