// A concert page, reached from the row with ?rec= (and ?as=): reports the page view with the recommendation
// id, as the site's tracker does, and lets the guest favourite, decline, share or buy with the id carried on.
import {
  clock, currentGuest, el, getJson, languageOverride, newVisitorId, rememberGuest, sendAction, setLanguage,
  setLanguageOverride, t,
} from './common.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const concertId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const rec = params.get('rec');
// A visitor without a cookie gets one, as the site's tracker would set it on the first page.
const as = currentGuest() || (() => {
  const id = newVisitorId();
  rememberGuest(id);
  return id;
})();
let concert = null;
let favourite = false;

function logActivity(text, detail, failed) {
  $('activity-log').prepend(el('li', { class: failed ? 'failed' : '', 'data-testid': 'activity-item' },
    el('span', { class: 'time' }, clock(new Date().toISOString())), ' ', text, detail ? el('small', {}, detail) : null));
}

async function act(action, extra = {}) {
  const label = t(`action.${action}`, { title: concert ? concert.title : concertId, seats: extra.seats });
  try {
    const sent = await sendAction(action, { as, concert: concertId, rec, ...extra });
    logActivity(label, t('action.sent', sent));
    $('concert-status').textContent = '';
    return sent;
  } catch (error) {
    logActivity(label, t('action.failed', { error: error.message }), true);
    return null;
  }
}

function fact(term, value) {
  return value ? [el('dt', {}, term), el('dd', {}, value)] : [];
}

function render() {
  document.title = `${concert.title} · Koncerthuset`;
  $('concert-hero').style.setProperty('--hue', String(concert.hue));
  $('concert-day').textContent = concert.date ? concert.date.day : '–';
  $('concert-month').textContent = concert.date ? concert.date.month : '';
  $('concert-title').textContent = concert.title;
  $('concert-when').textContent = concert.date ? concert.date.text : '';
  $('concert-where').textContent = concert.hall || '';
  $('concert-price').textContent = [concert.priceText, concert.seatsAvailable != null ? t('concert.seats', { n: concert.seatsAvailable }) : null]
    .filter(Boolean).join(' · ');
  $('concert-description').textContent = concert.description || '';
  $('concert-facts').replaceChildren(
    ...fact(t('concert.performers'), concert.performers.join(', ')),
    ...fact(t('concert.composers'), concert.composers.join(', ')),
    ...fact(t('concert.tags'), concert.tags.join(', ')),
    ...fact(t('concert.hall'), concert.hall));
  const badges = [];
  if (concert.status === 'SOLD_OUT') {
    badges.push(el('span', { class: 'badge sold-out' }, t('card.soldOut')));
  } else if (concert.fewSeatsLeft) {
    badges.push(el('span', { class: 'badge few' }, t('card.fewSeats')));
  }
  $('concert-badges').replaceChildren(...badges);
  $('buy').disabled = concert.status !== 'ON_SALE';
  $('favourite').textContent = favourite ? t('concert.unfavourite') : t('card.favourite');
  $('via-rec').textContent = rec ? t('concert.viaRec', { rec }) : '';
}

async function load(lang) {
  try {
    concert = await getJson(`/api/concerts/${encodeURIComponent(concertId)}?lang=${lang}`);
    render();
    return true;
  } catch (error) {
    $('concert-title').textContent = t('concert.notFound');
    $('concert-actions').hidden = true;
    $('concert-status').textContent = error.message;
    return false;
  }
}

function setUp() {
  const home = `/?as=${encodeURIComponent(as)}`;
  $('back-link').href = home;
  $('brand-link').href = home;
  $('acting-as').textContent = as;
  $('favourite').addEventListener('click', async () => {
    const sent = await act(favourite ? 'unfavourite' : 'favourite');
    if (sent) {
      favourite = !favourite;
      render();
    }
  });
  $('not-interested').addEventListener('click', () => act('not-interested'));
  $('share').addEventListener('click', () => act('share'));
  $('buy').addEventListener('click', () => act('purchase', { seats: $('seats').value }));
  document.querySelectorAll('[data-lang]').forEach((button) => button.addEventListener('click', () => {
    setLanguageOverride(button.dataset.lang);
    setLanguage(button.dataset.lang);
    load(button.dataset.lang);
  }));
}

async function main() {
  let lang = languageOverride();
  if (!lang) {
    const home = await getJson(`/api/guests/${encodeURIComponent(as)}/home`).catch(() => null);
    lang = home ? home.language : null;
  }
  setLanguage(lang || 'da');
  setUp();
  if (await load(lang || 'da')) {
    await act('view');
  }
  window.encoreReady = true;
  document.body.dataset.ready = 'true';
}

main();
