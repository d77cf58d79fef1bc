// The search page: InstantSearch.js widgets over the official lite client.
// A search is asked when the shopper submits (searchAsYouType off), so each
// one logged is one a shopper made; the autocomplete above asks as they type,
// without logging. Clicks on hits go back with the search's queryID.
import { nextSteps, searchClient, sendClick } from './api.mjs';
import { escapeHtml, tile } from './tiles.mjs';
import { mountSearchBox } from './autocomplete.mjs';

const { instantsearch } = window;
const { searchBox, hits, refinementList, rangeInput, sortBy, pagination, stats, configure, clearRefinements } =
  instantsearch.widgets;
const params = new URLSearchParams(window.location.search);
const query = params.get('q') || '';
mountSearchBox('#autocomplete', query);

const search = instantsearch({
  indexName: 'products',
  searchClient: searchClient(),
  initialUiState: {
    products: {
      query,
      ...(params.get('brand') ? { refinementList: { brand: [params.get('brand')] } } : {}),
      ...(params.get('category') ? { refinementList: { category: [params.get('category')] } } : {}),
    },
  },
  future: { preserveSharedStateOnUnmount: true },
});

// Facet values are slugs ("kottakkal", "oils-ghee"): shown as words.
const label = (slug) => slug.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
const facet = (attribute) => refinementList({
  container: `#facet-${attribute}`,
  attribute,
  limit: 8,
  showMore: true,
  transformItems: (items) => items.map((item) => ({ ...item, label: label(item.label), highlighted: label(item.label) })),
});

search.addWidgets([
  configure({ hitsPerPage: 12, clickAnalytics: true }),
  searchBox({ container: '#searchbox', searchAsYouType: false, placeholder: 'Refine the search', showLoadingIndicator: false }),
  stats({ container: '#stats', templates: { text: (d) => `${d.nbHits.toLocaleString('en-IN')} product${d.nbHits === 1 ? '' : 's'}` } }),
  sortBy({
    container: '#sort',
    items: [
      { label: 'Most relevant', value: 'products' },
      { label: 'Price: low to high', value: 'products_price_asc' },
      { label: 'Price: high to low', value: 'products_price_desc' },
      { label: 'Top rated', value: 'products_rating' },
      { label: 'Newest', value: 'products_newest' },
    ],
  }),
  facet('brand'),
  facet('category'),
  facet('form'),
  rangeInput({ container: '#facet-price', attribute: 'price', templates: { separatorText: 'to', submitText: 'Go' } }),
  clearRefinements({ container: '#clear' }),
  hits({
    container: '#hits',
    templates: {
      item: (hit) => tile(hit, { nameHtml: highlighted(hit), queryId: hit.__queryID, position: hit.__position }),
      empty: (results, { html }) => html`<p class="empty">No products to show. <a href="index.html">See what is trending</a>.</p>`,
    },
  }),
  pagination({ container: '#pagination', padding: 2 }),
  matchNotice('#notice'),
]);

// What the server says about how it matched (the answer's `match`,
// `queryAfterRemoval` and `parsedQuery`, which the client keeps on the
// results): "showing results for" when words were dropped or corrected, and
// for a query the store does not sell, its largest categories to browse.
function matchNotice(selector) {
  const box = document.querySelector(selector);
  let shownFor = null;
  return {
    $$type: 'ayurvedacart.matchNotice',
    render({ results, state }) {
      const key = results && JSON.stringify([results.query, state?.disjunctiveFacetsRefinements, state?.numericRefinements]);
      if (!results || key === shownFor) return;
      shownFor = key;
      const q = escapeHtml(results.query);
      // The range widget registers the price attribute with no bounds: only bounds refine.
      const refined = Object.values(state?.disjunctiveFacetsRefinements || {}).some((values) => values.length > 0) ||
        Object.values(state?.numericRefinements || {}).some((ops) => Object.values(ops).some((v) => v.length > 0));
      if (results.match === 'relaxed') {
        const kept = escapeHtml(results.parsedQuery);
        box.innerHTML = `<p class="notice">No results for “${q}”. Showing results for “<strong>${kept}</strong>”.</p>`;
      } else if (results.match === 'corrected') {
        box.innerHTML = `<p class="notice">Showing results for “<strong>${escapeHtml(results.parsedQuery)}</strong>”.</p>`;
      } else if (results.match === 'none' && results.query.trim() && refined) {
        box.innerHTML = `<p class="notice">Nothing for “${q}” with these refinements.</p>`;
      } else if (results.match === 'none' && results.query.trim()) {
        box.innerHTML = `<p class="notice">We don’t sell anything for “${q}”.</p>`;
        nextSteps(results.query).then((next) => {
          if (shownFor !== key || !next) return;
          const links = next.categories.map((c) =>
            `<a href="search.html?q=&category=${encodeURIComponent(c.value)}">${escapeHtml(label(c.value))}</a> (${c.count})`);
          if (links.length) box.insertAdjacentHTML('beforeend', `<p class="notice categories">Browse instead: ${links.join(' · ')}</p>`);
        });
      } else {
        box.innerHTML = '';
      }
    },
  };
}

// The name with the matched words marked: InstantSearch has already escaped
// the hit (escapeHTML) and turned its highlight tags into <mark>.
function highlighted(hit) {
  return hit._highlightResult?.name?.value ?? escapeHtml(hit.name);
}

document.querySelector('#hits').addEventListener('click', (event) => {
  const link = event.target.closest('a.tile');
  if (!link) return;
  sendClick(link.dataset.queryId, link.dataset.productId, Number(link.dataset.position));
});

search.start();
