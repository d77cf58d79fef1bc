// Product tiles from the cards every route returns (server/README.md, "Cards").
const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => escapes[c]);

export function money(amount, currency) {
  return new Intl.NumberFormat('en-IN', { style: 'currency', currency: currency || 'INR' }).format(amount);
}

// card: {id, slug, name, brand, image_url, price:{amount, currency} or a number, compare_at_price, rating, review_count, in_stock}
export function tile(card, { currency, nameHtml, queryId, position } = {}) {
  const price = typeof card.price === 'object' ? card.price.amount : card.price;
  const cur = typeof card.price === 'object' ? card.price.currency : currency || card.currency;
  const mrp = card.compare_at_price && typeof card.compare_at_price === 'object' ? card.compare_at_price.amount
                                                                                   : card.compare_at_price;
  const image = card.image_url
    ? `<img src="${escapeHtml(card.image_url)}" alt="" loading="lazy" onerror="this.replaceWith(Object.assign(document.createElement('div'),{className:'tile-noimage',textContent:'no image'}))">`
    : '<div class="tile-noimage">no image</div>';
  const stars = card.review_count > 0 ? `<span class="tile-rating">★ ${Number(card.rating).toFixed(1)} (${card.review_count})</span>` : '';
  return `<a class="tile" href="product.html?id=${encodeURIComponent(card.id || card.objectID)}" data-product-id="${escapeHtml(card.id || card.objectID)}"${queryId ? ` data-query-id="${escapeHtml(queryId)}"` : ''}${position ? ` data-position="${Number(position)}"` : ''}>
    ${image}
    <span class="tile-brand">${escapeHtml(card.brand)}</span>
    <span class="tile-name">${nameHtml ?? escapeHtml(card.name)}</span>
    <span class="tile-price"><strong class="price">${money(price, cur)}</strong>${mrp ? ` <s class="mrp">${money(mrp, cur)}</s>` : ''}</span>
    ${stars}
    ${card.in_stock ? '' : '<span class="tile-stock">Out of stock</span>'}
  </a>`;
}

export function strip(container, title, cards) {
  container.innerHTML = `<h2>${escapeHtml(title)}</h2><div class="strip">${cards.map((c) => tile(c)).join('')}</div>`;
}
