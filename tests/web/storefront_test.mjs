// The demo storefront (web/) in a real browser: Debian's chromium, headless,
// driven by puppeteer-core. Against a server started with --web-root web/ on
// the catalogue of tests/support/catalog_fixture.cpp (the end-to-end test
// that runs this starts it), it
//   1. opens the home page: the trending strip fills with tiles;
//   2. types a herb name letter by letter: the autocomplete panel suggests
//      products; submits: the search page lists tiles with prices;
//   3. refines by a brand: the hit count becomes that brand's count, as the
//      server computed it; pages; sorts by price;
//   4. clicks a hit: the click goes to /events/click with the search's id
//      (printed for the caller, who looks for it in search_logs);
//   5. the product page shows both related widgets filled;
//   6. a search with a word no product has says which words it showed
//      results for; a search for something the store does not sell lists no
//      products and offers categories to browse instead;
// with no JavaScript error and no failed request on any page. Images of the
// catalogue (hosts this machine cannot reach) are answered with a local
// placeholder. A screenshot of each page goes to SCREENSHOT_DIR.
//
//   node tests/web/storefront_test.mjs BASE_URL SCREENSHOT_DIR [CHROMIUM]
//
// Prints one line per check; the last line is "CLICKED <search id> <product id>".
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

const [base, shots, chromium = '/usr/bin/chromium'] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node storefront_test.mjs BASE_URL SCREENSHOT_DIR [CHROMIUM]');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const PLACEHOLDER = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#cfe3c4"/><text x="100" y="110" font-size="22" text-anchor="middle" fill="#2f6b3a">image</text></svg>';

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const problems = [];
let checks = 0;
const check = (what, fn) => { fn(); checks++; console.log(`ok   ${what}`); };

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(base).origin && request.resourceType() === 'image') {
      request.respond({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER });
    } else {
      request.continue();
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} from ${r.url()}`); });
  const clicks = [];
  page.on('request', (r) => { if (r.url().endsWith('/events/click')) clicks.push(r.postData()); });

  // 1. Home: trending.
  await page.goto(`${base}/web/`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#trending .tile');
  const trendingTiles = await page.$$eval('#trending .tile', (t) => t.length);
  check(`the home page shows ${trendingTiles} trending tiles`, () => assert.ok(trendingTiles >= 2));
  await page.screenshot({ path: `${shots}/1-home.png` });

  // 2. Typing letter by letter: suggestions, then submit.
  await page.click('#autocomplete input');
  await page.keyboard.type('ashwagandha', { delay: 60 });
  await page.waitForSelector('.aa-Panel .aa-Item');
  const suggested = await page.$$eval('.aa-Panel .aa-Item', (items) => items.map((i) => i.textContent.trim()));
  check(`typing shows suggestions (${suggested.length}), the product among them`, () =>
    assert.ok(suggested.some((s) => /Ashwagandha Churna/i.test(s))));
  await page.screenshot({ path: `${shots}/2-autocomplete.png` });
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')]);
  await page.waitForSelector('#hits .tile');
  const first = await page.$eval('#hits .tile', (t) => ({
    price: t.querySelector('.price').textContent,
    mrp: t.querySelector('.mrp')?.textContent,
    marked: t.querySelector('.tile-name mark')?.textContent,
    name: t.querySelector('.tile-name').textContent,
  }));
  check(`submitting lists tiles with prices (${first.price}, MRP ${first.mrp}) and the matched word marked`, () => {
    assert.match(page.url(), /search\.html\?q=ashwagandha/);
    assert.match(first.price, /₹\s?150/);
    assert.match(first.mrp, /₹\s?180/);
    assert.equal(first.marked, 'Ashwagandha');
    assert.equal(first.name, 'Ashwagandha Churna 100 g');
  });
  await page.screenshot({ path: `${shots}/3-search.png` });

  // 3. A broad search, refined by a brand; pages; sorted by price.
  const stats = () => page.$eval('#stats', (s) => Number(s.textContent.replace(/[^0-9]/g, '')));
  await page.goto(`${base}/web/search.html?q=`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#facet-brand .ais-RefinementList-item');
  const before = await stats();
  const brand = await page.$eval('#facet-brand .ais-RefinementList-item', (item) => ({
    label: item.querySelector('.ais-RefinementList-labelText').textContent,
    count: Number(item.querySelector('.ais-RefinementList-count').textContent.replace(/[^0-9]/g, '')),
  }));
  const bounds = await page.$$eval('#facet-price input[type=number]', (inputs) => inputs.map((i) => Number(i.placeholder)));
  check(`the price range offers the matches' lowest and highest price (${bounds.join(' to ')})`, () =>
    assert.ok(bounds.length === 2 && bounds[1] > bounds[0]));
  await page.click('#facet-brand .ais-RefinementList-checkbox');
  await page.waitForFunction((n) => Number(document.querySelector('#stats').textContent.replace(/[^0-9]/g, '')) === n,
    { timeout: 10000 }, brand.count);
  check(`refining by brand ${brand.label} changes ${before} products to its count, ${brand.count}`, () =>
    assert.ok(brand.count < before));
  await page.screenshot({ path: `${shots}/4-refined.png` });
  await page.click('#clear button');
  await page.waitForFunction((n) => Number(document.querySelector('#stats').textContent.replace(/[^0-9]/g, '')) === n, {}, before);
  const firstIds = await page.$$eval('#hits .tile', (t) => t.map((a) => a.dataset.productId));
  await page.click('.ais-Pagination-item--page:nth-child(4) a, .ais-Pagination-item--nextPage a');
  await page.waitForFunction((ids) => {
    const now = [...document.querySelectorAll('#hits .tile')].map((a) => a.dataset.productId);
    return now.length > 0 && now[0] !== ids[0];
  }, {}, firstIds);
  check('the next page shows other products', () => assert.ok(true));
  await page.select('#sort select', 'products_price_asc');
  await page.waitForFunction(() => {
    const prices = [...document.querySelectorAll('#hits .tile .price')].map((p) => Number(p.textContent.replace(/[^0-9.]/g, '')));
    return prices.length > 2 && prices.every((p, i) => i === 0 || prices[i - 1] <= p);
  }, { timeout: 10000 });
  check('sorting by price lists the cheapest first', () => assert.ok(true));
  await page.screenshot({ path: `${shots}/5-sorted.png` });

  // 4. A click on a hit of a logged search (the ashwagandha one), then 5. its product page.
  await page.goto(`${base}/web/search.html?q=ashwagandha`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#hits .tile[data-query-id]');
  const clicked = await page.$eval('#hits .tile', (a) => ({ queryId: a.dataset.queryId, productId: a.dataset.productId }));
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#hits .tile')]);
  check('clicking a hit sends its search id and product id to /events/click', () => {
    assert.ok(clicks.length >= 1);
    assert.deepEqual(JSON.parse(clicks.at(-1)), { search_id: clicked.queryId, product_id: clicked.productId, position: 1 });
  });
  await page.waitForSelector('#bought-together .tile');
  await page.waitForSelector('#similar .tile');
  const widgets = await page.evaluate(() => ({
    name: document.querySelector('#product h1').textContent,
    together: document.querySelectorAll('#bought-together .tile').length,
    similar: document.querySelectorAll('#similar .tile').length,
  }));
  check(`the product page of ${widgets.name} fills both widgets (${widgets.together} + ${widgets.similar})`, () => {
    assert.equal(widgets.name, 'Ashwagandha Churna 100 g');
    assert.ok(widgets.together >= 1 && widgets.similar >= 1);
  });
  await page.screenshot({ path: `${shots}/6-product.png`, fullPage: true });

  // 6. Honest answers: words dropped, and things not sold.
  await page.goto(`${base}/web/search.html?q=ashwagandha%20zzqxv`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#notice .notice');
  const relaxed = await page.$eval('#notice', (n) => n.textContent);
  const relaxedTiles = await page.$$eval('#hits .tile', (t) => t.length);
  check(`a word no product has is dropped and said so: "${relaxed.trim()}"`, () => {
    assert.match(relaxed, /No results for “ashwagandha zzqxv”\. Showing results for “ashwagandha”/);
    assert.ok(relaxedTiles >= 1);
  });
  await page.screenshot({ path: `${shots}/7-relaxed.png` });
  await page.goto(`${base}/web/search.html?q=yoga%20mat`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#notice .categories a');
  const notSold = await page.evaluate(() => ({
    notice: document.querySelector('#notice').textContent,
    tiles: document.querySelectorAll('#hits .tile').length,
    categories: [...document.querySelectorAll('#notice .categories a')].map((a) => a.getAttribute('href')),
  }));
  check(`a search for something not sold lists nothing and offers ${notSold.categories.length} categories`, () => {
    assert.equal(notSold.tiles, 0);
    assert.match(notSold.notice, /We don’t sell anything for “yoga mat”/);
    assert.ok(notSold.categories.length >= 1 && notSold.categories.every((h) => h.startsWith('search.html?q=&category=')));
  });
  await page.screenshot({ path: `${shots}/8-not-sold.png` });
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#notice .categories a')]);
  await page.waitForSelector('#hits .tile');
  const refined = await page.$$eval('#facet-category .ais-RefinementList-item--selected', (items) => items.length);
  check('a category offered lists its products, refined by it', () => assert.equal(refined, 1));

  check('no JavaScript error and no failed request on any page', () => assert.deepEqual(problems, []));
  console.log(`all ${checks} checks passed; screenshots in ${shots}`);
  console.log(`CLICKED ${clicked.queryId} ${clicked.productId}`);
} catch (e) {
  console.log(`FAIL ${e.message}`);
  if (problems.length) console.log(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
