// The server's storefront routes, from the same origin that serves this page
// (ayurvedacart-server --web-root), or from window.AYC_API_BASE when a page
// elsewhere sets it (that origin must then be in --cors-origins).
export const apiBase = window.AYC_API_BASE || window.location.origin;

async function getJson(path) {
  const response = await fetch(apiBase + path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : `${response.status} from ${path}`);
  return body;
}

export const trending = (limit = 8) => getJson(`/recommendations/trending?limit=${limit}`);
export const related = (id, kind, limit = 6) =>
  getJson(`/products/${encodeURIComponent(id)}/related?kind=${kind}&limit=${limit}`);
export const forUser = (userId, limit = 8) => getJson(`/users/${encodeURIComponent(userId)}/recommendations?limit=${limit}`);
export const suggestions = (q, limit = 10) => getJson(`/autocomplete?q=${encodeURIComponent(q)}&limit=${limit}`);
// What to offer when a query finds nothing (the search answer's next_steps;
// analytics=false: the search page's own request was the one logged).
export const nextSteps = (q) =>
  getJson(`/search?q=${encodeURIComponent(q)}&limit=1&facets=false&analytics=false`).then((a) => a.next_steps);

// A click on a hit of a logged search. sendBeacon survives the page being
// left for the product page and sends the JSON as text/plain (no preflight).
// `position`: the hit's 1-based place in the result list.
export function sendClick(searchId, productId, position) {
  if (!searchId || !productId) return;
  const click = { search_id: searchId, product_id: productId };
  if (position > 0) click.position = position;
  navigator.sendBeacon(`${apiBase}/events/click`, JSON.stringify(click));
}

// The signed-in sample customer: ?user=<uuid> on any page signs in (kept in localStorage).
export function currentUser() {
  const fromUrl = new URLSearchParams(window.location.search).get('user');
  if (fromUrl) localStorage.setItem('ayc-user', fromUrl);
  return fromUrl || localStorage.getItem('ayc-user');
}

// The official lite client, pointed at this server: what InstantSearch and Autocomplete use.
export function searchClient() {
  const url = new URL(apiBase);
  return window['algoliasearch/lite'].liteClient('ayurvedacart', 'demo', {
    hosts: [{ url: url.host, protocol: url.protocol.replace(':', ''), accept: 'read' }],
  });
}
