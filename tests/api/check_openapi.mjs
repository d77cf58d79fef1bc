// Asks a running server every route of its OpenAPI description, with good and
// bad parameters, and checks each real answer against the description: the
// status must be one the operation lists, and a JSON body must match that
// status's schema (JSON Schema 2020-12, as OpenAPI 3.1 uses, validated by ajv).
// Also checks that the server serves the same description at /openapi.json
// and that every path in it was asked at least once.
//
//   node tests/api/check_openapi.mjs BASE_URL SPEC_FILE
//
// BASE_URL is a server on the catalogue of tests/support/catalog_fixture.cpp
// (the end-to-end tests start one). Prints one line per request; exits 1 when
// any answer does not match.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [base, specFile] = process.argv.slice(2);
if (!base || !specFile) {
  console.error('usage: node check_openapi.mjs BASE_URL SPEC_FILE');
  process.exit(2);
}
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// Responses refer to #/components/schemas/...: register the document so $ref resolves.
ajv.addSchema({ $id: 'openapi', components: spec.components }, 'openapi');

const ASHWAGANDHA = '00000000-0000-4000-8000-000000000001';
const USER = '40000000-0000-4000-8000-000000000001';
const SEARCH_ID = '01900000-0000-7000-8000-000000000001';

// [method, path template, concrete path + query, body?, content type?]
const requests = [
  ['GET', '/search', '/search?q=ashwagandha&limit=3'],
  ['GET', '/search', '/search?q=ashwagandha&currency=usd&sort=price_asc&facets=true&analytics=false'],
  ['GET', '/search', '/search?q=ashwagndha&brand=dabur&in_stock=true&country=IN&analytics=false'],
  ['GET', '/search', '/search?q=zzzzqqqq&analytics=false'],
  ['GET', '/search', '/search?q=yoga+mat&brand=dabur&analytics=false'],
  ['GET', '/search', '/search?q=zzqxv+ashwagandha+churna&analytics=false'],
  ['GET', '/search', '/search?q=tulsi&limit=1000'],
  ['GET', '/search', '/search?q=tulsi&sort=cheapest'],
  ['GET', '/autocomplete', '/autocomplete?q=ashw'],
  ['GET', '/autocomplete', '/autocomplete?q=ashw&limit=0'],
  ['GET', '/products/{id}/related', `/products/${ASHWAGANDHA}/related`],
  ['GET', '/products/{id}/related', '/products/ashwagandha-churna-100-g/related?kind=similar&currency=EUR&country=IN'],
  ['GET', '/products/{id}/related', '/products/no-such-product/related'],
  ['GET', '/products/{id}/related', `/products/${ASHWAGANDHA}/related?kind=cheapest`],
  ['GET', '/users/{id}/recommendations', `/users/${USER}/recommendations?limit=5`],
  ['GET', '/users/{id}/recommendations', '/users/40000000-0000-4000-8000-0000000000ff/recommendations'],
  ['GET', '/users/{id}/recommendations', '/users/not-a-uuid/recommendations'],
  ['GET', '/users/{id}/recommendations', `/users/${USER}/recommendations?kind=buy_again`],
  ['GET', '/users/{id}/recommendations', `/users/${USER}/recommendations?kind=refills`],
  ['GET', '/recommendations/trending', '/recommendations/trending'],
  ['GET', '/recommendations/trending', '/recommendations/trending?category=churna&currency=usd&limit=3'],
  ['GET', '/recommendations/trending', '/recommendations/trending?category=NOT%20A%20SLUG'],
  ['POST', '/events/click', '/events/click', JSON.stringify({ search_id: SEARCH_ID, product_id: ASHWAGANDHA }), 'application/json'],
  ['POST', '/events/click', '/events/click', JSON.stringify({ search_id: SEARCH_ID, product_id: ASHWAGANDHA }), 'text/plain;charset=UTF-8'],
  ['POST', '/events/click', '/events/click', '{"search_id":"nope"}', 'application/json'],
  ['POST', '/events/click', '/events/click', 'search_id=1', 'application/x-www-form-urlencoded'],
  ['POST', '/1/indexes/*/queries', '/1/indexes/*/queries', JSON.stringify({ requests: [
    { indexName: 'products', query: 'ashwagandha', facets: ['*'], hitsPerPage: 2, clickAnalytics: true, analytics: false },
    { indexName: 'products_price_desc', params: 'query=&hitsPerPage=0&facets=%5B%22brand%22%5D' }] }), 'text/plain'],
  ['POST', '/1/indexes/*/queries', '/1/indexes/*/queries', '{"requests":[{"indexName":"articles"}]}', 'text/plain'],
  ['POST', '/1/indexes/*/queries', '/1/indexes/*/queries', '{"requests":[{"indexName":"products","filters":"x:y"}]}', 'text/plain'],
  ['POST', '/1/indexes/{index}/query', '/1/indexes/products_rating/query', '{"query":"oil","hitsPerPage":3,"analytics":false}', 'text/plain'],
  ['POST', '/1/indexes/{index}/query', '/1/indexes/nope/query', '{}', 'text/plain'],
  ['GET', '/healthz', '/healthz'],
  ['GET', '/readyz', '/readyz'],
  ['GET', '/metrics', '/metrics'],
  ['GET', '/openapi.json', '/openapi.json'],
];

let failures = 0;
const asked = new Set();
for (const [method, template, target, body, contentType] of requests) {
  const operation = spec.paths[template]?.[method.toLowerCase()];
  const label = `${method} ${target}`;
  if (!operation) {
    console.log(`FAIL ${label}: ${method} ${template} is not in the description`);
    failures++;
    continue;
  }
  asked.add(template);
  const response = await fetch(base + target, {
    method,
    body,
    headers: contentType ? { 'content-type': contentType } : {},
  });
  const text = await response.text();
  const described = operation.responses[String(response.status)];
  if (!described) {
    console.log(`FAIL ${label}: status ${response.status} is not described (${Object.keys(operation.responses)}): ${text.slice(0, 200)}`);
    failures++;
    continue;
  }
  const type = (response.headers.get('content-type') || '').split(';')[0].trim();
  const media = described.content?.[type];
  if (described.content && !media) {
    console.log(`FAIL ${label}: ${response.status} answered ${type}, described: ${Object.keys(described.content)}`);
    failures++;
    continue;
  }
  if (media && type === 'application/json') {
    // Local references ("#/components/...") point into the registered document.
    const schema = JSON.parse(JSON.stringify(media.schema).replaceAll('"$ref":"#/', '"$ref":"openapi#/'));
    const validate = ajv.compile(schema);
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      console.log(`FAIL ${label}: not JSON: ${text.slice(0, 200)}`);
      failures++;
      continue;
    }
    if (!validate(doc)) {
      console.log(`FAIL ${label}: ${response.status} does not match its schema: ${ajv.errorsText(validate.errors)}`);
      failures++;
      continue;
    }
    if (template === '/openapi.json' && JSON.stringify(doc) !== JSON.stringify(spec)) {
      console.log(`FAIL ${label}: the served description differs from ${specFile}`);
      failures++;
      continue;
    }
  }
  console.log(`ok   ${label}: ${response.status}`);
}
for (const template of Object.keys(spec.paths)) {
  if (!asked.has(template)) {
    console.log(`FAIL ${template} is described but never asked here`);
    failures++;
  }
}
if (failures > 0) {
  console.log(`${failures} answer(s) do not match the description`);
  process.exit(1);
}
console.log(`all ${requests.length} answers match the description`);
