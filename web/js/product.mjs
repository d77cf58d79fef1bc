// A product page: the product (from the related answer's own card) and its two widgets.
import { related } from './api.mjs';
import { escapeHtml, money, strip } from './tiles.mjs';
import { mountSearchBox } from './autocomplete.mjs';

mountSearchBox('#autocomplete');
const id = new URLSearchParams(window.location.search).get('id');
const main = document.querySelector('#product');
if (!id) {
  main.textContent = 'No product given.';
} else {
  Promise.all([related(id, 'bought_together'), related(id, 'similar')]).then(([together, similar]) => {
    const p = together.product;
    document.title = `${p.name} · AyurvedaCart`;
    main.innerHTML = `<div class="product">
      ${p.image_url ? `<img src="${escapeHtml(p.image_url)}" alt="">` : '<div class="tile-noimage big">no image</div>'}
      <div><p class="tile-brand">${escapeHtml(p.brand)}</p><h1>${escapeHtml(p.name)}</h1>
      <p class="tile-price"><strong class="price">${money(p.price.amount, p.price.currency)}</strong>
      ${p.compare_at_price ? `<s class="mrp">${money(p.compare_at_price.amount, p.compare_at_price.currency)}</s>` : ''}</p>
      <p>${p.in_stock ? 'In stock' : 'Out of stock'}</p></div></div>`;
    strip(document.querySelector('#bought-together'), 'Frequently bought together', together.items);
    strip(document.querySelector('#similar'), 'Similar products', similar.items);
  }).catch((e) => { main.textContent = e.message; });
}
