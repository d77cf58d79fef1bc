// The home page: the search box, what is trending, and picks for the signed-in sample customer.
import { currentUser, forUser, trending } from './api.mjs';
import { strip } from './tiles.mjs';
import { mountSearchBox } from './autocomplete.mjs';

mountSearchBox('#autocomplete');
trending(8).then((r) => strip(document.querySelector('#trending'), 'Trending now', r.items))
  .catch((e) => { document.querySelector('#trending').textContent = e.message; });
const user = currentUser();
if (user) {
  forUser(user, 8).then((r) => strip(document.querySelector('#for-you'), 'Picked for you', r.items))
    .catch(() => { document.querySelector('#for-you').textContent = ''; });
}
