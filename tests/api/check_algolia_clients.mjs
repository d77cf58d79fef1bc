// The official Algolia JavaScript clients against this server's
// Algolia-compatible routes, with nothing of ours in between but the host:
//   - `algoliasearch/lite` (v5), the search client InstantSearch and
//     Autocomplete take, created with `hosts` pointing at the server;
//   - `algoliasearch-helper`, the state machine inside InstantSearch.js that
//     builds its requests (disjunctive facets, refinements, pages, sort
//     indices) and reads the answers, driven as the widgets drive it.
// Then a click on a hit, with the queryID the server returned, lands on that
// search's search_logs row (the test that runs this checks the row).
//
//   node tests/api/check_algolia_clients.mjs BASE_URL
//
// BASE_URL is a server on the catalogue of tests/support/catalog_fixture.cpp
// (the end-to-end tests start one). Prints what it checked; the last line is
// "CLICKED <search id> <product id>" for the caller; exits 1 on a failure.
import assert from 'node:assert/strict';
import { liteClient } from 'algoliasearch/lite';
import algoliasearchHelper from 'algoliasearch-helper';

const base = process.argv[2];
if (!base) {
  console.error('usage: node check_algolia_clients.mjs BASE_URL');
  process.exit(2);
}
const url = new URL(base);
const client = liteClient('ayurvedacart', 'search-only', {
  hosts: [{ url: url.host, protocol: url.protocol.replace(':', ''), accept: 'readWrite' }],
});

let checks = 0;
function check(what, fn) {
  fn();
  checks++;
  console.log(`ok   ${what}`);
}

// 1. The lite client's multi-query, as Autocomplete's getAlgoliaResults sends it.
const { results } = await client.search({
  requests: [
    { indexName: 'products', query: 'ashwagandha', hitsPerPage: 5, clickAnalytics: true,
      facets: ['brand', 'category', 'form', 'price'], highlightPreTag: '<mark>', highlightPostTag: '</mark>' },
    { indexName: 'products_price_desc', query: '', hitsPerPage: 3, analytics: false },
  ],
});
const [ashwagandha, dearest] = results;
check('a search finds Ashwagandha Churna with its card', () => {
  assert.ok(ashwagandha.nbHits >= 1);
  const hit = ashwagandha.hits[0];
  assert.equal(hit.objectID, '00000000-0000-4000-8000-000000000001');
  assert.equal(hit.name, 'Ashwagandha Churna 100 g');
  assert.equal(hit.price, 150);
  assert.equal(hit.compare_at_price, 180);
  assert.equal(hit.image_url, 'https://cdn.example/ashwagandha-churna.jpg');
  assert.match(hit._highlightResult.name.value, /<mark>Ashwagandha<\/mark>/);
  assert.equal(hit._highlightResult.name.matchLevel, 'full');
  assert.deepEqual(hit._highlightResult.name.matchedWords, ['ashwagandha']);
});
check('facets, facets_stats.price, pages and the queryID come back', () => {
  assert.equal(typeof ashwagandha.facets.brand, 'object');
  assert.ok(ashwagandha.facets.brand.dabur >= 1);
  assert.ok(ashwagandha.facets_stats.price.min <= ashwagandha.facets_stats.price.max);
  assert.equal(ashwagandha.page, 0);
  assert.equal(ashwagandha.hitsPerPage, 5);
  assert.equal(ashwagandha.nbPages, Math.ceil(ashwagandha.nbHits / 5));
  assert.match(ashwagandha.queryID, /^[0-9a-f-]{36}$/);
  assert.equal(ashwagandha.exhaustiveFacetsCount, true);
});
check('an index name with a sort suffix sorts (products_price_desc)', () => {
  const prices = dearest.hits.map((h) => h.price);
  assert.ok(prices.length >= 2);
  assert.deepEqual([...prices].sort((a, b) => b - a), prices);
  assert.equal(dearest.queryID, undefined);  // clickAnalytics was off
});

// 2. InstantSearch's helper: disjunctive refinementList on brand, a conjunctive
// facet, a numeric range, sortBy (index switch) and pagination.
function run(helper) {
  return new Promise((resolve, reject) => {
    helper.once('result', (event) => resolve(event.results));
    helper.once('error', (event) => reject(event.error));
    helper.search();
  });
}
const helper = algoliasearchHelper(client, 'products', {
  disjunctiveFacets: ['brand', 'category'],
  facets: ['form'],
  hitsPerPage: 2,
});
helper.setQuery('');
helper.setQueryParameter('disjunctiveFacets', ['brand', 'category', 'price']);
const all = await run(helper);
check('the helper reads price stats for a range (rangeInput)', () => {
  const stats = all.getFacetStats('price');
  assert.ok(stats && stats.min < stats.max);
});
const brands = all.getFacetValues('brand', { sortBy: ['count:desc', 'name:asc'] });
check('the helper reads brand facet values with counts', () => {
  assert.ok(all.nbHits >= 3);
  assert.ok(brands.length >= 2);
  assert.ok(brands.every((b) => b.count >= 1 && b.isRefined === false));
});
const chosen = brands[0];
helper.addDisjunctiveFacetRefinement('brand', chosen.name);
const refined = await run(helper);
check(`refining brand ${chosen.name} (disjunctive) narrows the hits to its count, other brands still counted`, () => {
  assert.equal(refined.nbHits, chosen.count);
  const after = refined.getFacetValues('brand', { sortBy: ['name:asc'] });
  assert.ok(after.find((b) => b.name === chosen.name).isRefined);
  assert.ok(after.length >= 2);  // the facet-only request counts brands without the brand filter
});
helper.setPage(1);
const page2 = await run(helper);
check('pagination asks page 1', () => {
  assert.equal(page2.page, 1);
  assert.ok(page2.nbPages >= 1);
});
helper.clearRefinements().setPage(0).addNumericRefinement('price', '>=', 200).setIndex('products_price_asc');
const priced = await run(helper);
check('a price range (numericFilters) on the price_asc index returns cheapest first, all >= 200', () => {
  const prices = priced.hits.map((h) => h.price);
  assert.ok(prices.length >= 1);
  assert.ok(prices.every((p) => p >= 200));
  assert.deepEqual([...prices].sort((a, b) => a - b), prices);
});

// 3. Refusals name the problem and never answer 5xx.
for (const [what, request, status] of [
  ['an unknown index is 404', { indexName: 'articles', query: 'x' }, 404],
  ['the filters expression language is refused', { indexName: 'products', filters: 'brand:dabur' }, 400],
  ['a negated facet filter is refused', { indexName: 'products', facetFilters: ['brand:-dabur'] }, 400],
]) {
  await client.search({ requests: [request] }).then(
    () => assert.fail(`${what}: answered 200`),
    (e) => check(what, () => {
      assert.equal(e.status, status);
      assert.ok(e.message.length > 10);
    }));
}

// 4. The shopper clicks the first hit: the storefront sends the queryID back
// as navigator.sendBeacon would (text/plain, no preflight).
const click = await fetch(`${base}/events/click`, {
  method: 'POST',
  headers: { 'content-type': 'text/plain;charset=UTF-8' },
  body: JSON.stringify({ search_id: ashwagandha.queryID, product_id: ashwagandha.hits[0].objectID }),
});
check('the click with the queryID is accepted', () => assert.equal(click.status, 204));

console.log(`all ${checks} checks passed`);
console.log(`CLICKED ${ashwagandha.queryID} ${ashwagandha.hits[0].objectID}`);
