// The header's search box: @algolia/autocomplete-js with four sources, as a
// shopper types. Products come from the Algolia-compatible route through the
// official lite client (not logged: analytics false); query suggestions,
// brands and ingredients from GET /autocomplete (never logged). Submitting
// goes to the search page, whose search is the one logged.
import { searchClient, suggestions } from './api.mjs';
import { escapeHtml, money } from './tiles.mjs';

const { autocomplete, getAlgoliaResults } = window['@algolia/autocomplete-js'];

export function mountSearchBox(container, initialQuery = '') {
  const client = searchClient();
  let pending = null;  // one /autocomplete call serves three sources
  const suggestionsFor = (query) => {
    if (!pending || pending.query !== query) pending = { query, result: suggestions(query).catch(() => ({ suggestions: [] })) };
    return pending.result.then((r) => r.suggestions);
  };
  const kindSource = (sourceId, kinds, header, toUrl) => ({
    sourceId,
    getItems: ({ query }) => suggestionsFor(query).then((items) => items.filter((s) => kinds.includes(s.kind)).slice(0, 4)),
    getItemInputValue: ({ item }) => item.text,
    getItemUrl: ({ item }) => toUrl(item),
    onSelect: ({ item }) => { window.location.href = toUrl(item); },
    templates: {
      header: () => header,
      item: ({ item, html }) => html`<span class="aa-ItemContent">${item.text}</span>`,
    },
  });
  const searchUrl = (q) => `search.html?q=${encodeURIComponent(q)}`;
  return autocomplete({
    container,
    placeholder: 'Search herbs, brands, needs… (ashwagandha, hair fall, Dabur)',
    initialState: { query: initialQuery },
    detachedMediaQuery: 'none',
    openOnFocus: false,
    onSubmit: ({ state }) => { window.location.href = searchUrl(state.query); },
    getSources: ({ query }) => {
      if (!query.trim()) return [];
      return [
        kindSource('queries', ['query'], 'Searches', (item) => searchUrl(item.text)),
        {
          sourceId: 'products',
          getItems: () => getAlgoliaResults({
            searchClient: client,
            queries: [{ indexName: 'products', params: { query, hitsPerPage: 4, analytics: false } }],
          }),
          getItemInputValue: ({ item }) => item.name,
          getItemUrl: ({ item }) => `product.html?id=${item.objectID}`,
          onSelect: ({ item }) => { window.location.href = `product.html?id=${item.objectID}`; },
          templates: {
            header: () => 'Products',
            item: ({ item, html, components }) => html`<span class="aa-ItemContent">
              <span>${components.Highlight({ hit: item, attribute: 'name' })}</span>
              <span class="aa-ItemPrice">${money(item.price, item.currency)}</span></span>`,
          },
        },
        kindSource('brands', ['brand'], 'Brands', (item) => `search.html?brand=${encodeURIComponent(item.slug || item.text)}`),
        kindSource('ingredients', ['ingredient'], 'Herbs and ingredients', (item) => searchUrl(item.text)),
      ];
    },
  });
}

export { escapeHtml };
