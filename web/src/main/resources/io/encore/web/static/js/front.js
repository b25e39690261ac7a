// The guest's front page: pick a guest, see the "selected for you" row as they see it, act as them.
import {
  clock, currentGuest, el, getJson, languageOverride, newVisitorId, number, rememberGuest, sendAction, setLanguage,
  setLanguageOverride, t, currentLanguage,
} from './common.js';
import { concertCard } from './cards.js';

const REFRESH_MS = 1000;
const state = {
  as: null,
  home: null,
  signature: null,
  shownConcerts: new Set(),
  lastAction: null,
  pickerKind: 'all',
  timer: null,
};

const $ = (id) => document.getElementById(id);

function markReady() {
  if (!window.encoreReady) {
    window.encoreReady = true;
    document.body.dataset.ready = 'true';
  }
}

// ---- the guest picker ----

async function loadPicker() {
  const query = new URLSearchParams({ q: $('picker-search').value, kind: state.pickerKind, limit: '30' });
  const list = $('picker-list');
  try {
    const found = await getJson(`/api/guests?${query}`);
    list.replaceChildren(...found.guests.map((guest) => el('li', { role: 'option' },
      el('button', {
        type: 'button',
        class: `guest-option${guest.guestId === state.as ? ' current' : ''}`,
        'data-testid': 'guest-option',
        'data-guest-id': guest.guestId,
        onclick: () => choose(guest.guestId),
      },
      el('strong', {}, guest.name),
      el('span', { class: 'guest-meta' }, [guest.known ? guest.segment : t('picker.anonymous').toLowerCase(), guest.valueGroup && guest.valueGroup !== 'UNKNOWN' ? guest.valueGroup : null,
        guest.topConcepts.join(', ')].filter(Boolean).join(' · '))))));
    if (found.guests.length === 0) {
      list.append(el('li', { class: 'empty' }, t('picker.none')));
    } else {
      list.append(el('li', { class: 'total' }, t('picker.total', { shown: found.guests.length, total: found.total })));
    }
  } catch (error) {
    list.replaceChildren(el('li', { class: 'empty' }, error.message));
  }
}

function openPicker(open) {
  $('picker-panel').hidden = !open;
  $('picker-toggle').setAttribute('aria-expanded', String(open));
  if (open) {
    loadPicker();
    $('picker-search').focus();
  }
}

function choose(id) {
  rememberGuest(id);
  const url = new URL(location.href);
  url.searchParams.set('as', id);
  history.replaceState(null, '', url);
  Object.assign(state, { as: id, home: null, signature: null, shownConcerts: new Set(), lastAction: null });
  $('activity-log').replaceChildren();
  openPicker(false);
  refresh();
}

function setUpPicker() {
  $('picker-toggle').addEventListener('click', () => openPicker($('picker-panel').hidden));
  let debounce;
  $('picker-search').addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(loadPicker, 200);
  });
  document.querySelectorAll('[data-kind]').forEach((button) => button.addEventListener('click', () => {
    state.pickerKind = button.dataset.kind;
    document.querySelectorAll('[data-kind]').forEach((b) => b.classList.toggle('active', b === button));
    loadPicker();
  }));
  $('new-visitor').addEventListener('click', () => choose(newVisitorId()));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      openPicker(false);
    }
  });
}

// ---- acting as the guest ----

function logActivity(text, detail, failed) {
  const log = $('activity-log');
  log.querySelector('.empty')?.remove();
  log.prepend(el('li', { class: failed ? 'failed' : '', 'data-testid': 'activity-item' },
    el('span', { class: 'time' }, clock(new Date().toISOString())), ' ', text,
    detail ? el('small', {}, detail) : null));
}

async function act(action, item, extra = {}) {
  const title = item && item.concert ? item.concert.title : (item ? item.concertId : '');
  const label = t(`action.${action}`, { title, seats: extra.seats, q: extra.q });
  try {
    const rec = state.home && state.home.row ? state.home.row.recommendationId : null;
    const sent = await sendAction(action, { as: state.as, concert: item ? item.concertId : null, rec, ...extra });
    logActivity(label, t('action.sent', sent));
    state.lastAction = { at: Date.now(), recommendationId: rec };
    $('row-status').textContent = t('row.waiting');
    refresh();
  } catch (error) {
    logActivity(label, t('action.failed', { error: error.message }), true);
  }
}

function buy(item) {
  const dialog = $('buy-dialog');
  $('buy-title').textContent = t('buy.title', { title: item.concert ? item.concert.title : item.concertId });
  $('buy-price').textContent = item.concert && item.concert.priceText ? item.concert.priceText : '';
  dialog.returnValue = '';
  dialog.onclose = () => {
    if (dialog.returnValue === 'buy') {
      act('purchase', item, { seats: $('buy-seats').value });
    }
  };
  dialog.showModal();
}

const handlers = {
  favourite: (item) => act('favourite', item),
  notInterested: (item) => act('not-interested', item),
  buy,
};

// ---- rendering ----

function renderWelcome(home) {
  const guest = home.guest;
  let greeting = t('greeting.new');
  if (guest && guest.firstName) {
    greeting = t('greeting.named', { name: guest.firstName });
  } else if (guest) {
    greeting = t(guest.known ? 'greeting.known' : 'greeting.anonymous');
  }
  $('greeting').textContent = greeting;
  $('guest-facts').textContent = guest
    ? t('facts.guest', {
      id: guest.guestId,
      segment: guest.segment,
      group: guest.valueGroup && guest.valueGroup !== 'UNKNOWN' ? guest.valueGroup : '–',
      events: number(guest.eventCount),
    })
    : t('facts.new', { id: home.as });
  $('taste').replaceChildren(...(guest ? guest.topConcepts.slice(0, 8) : []).map((concept) => el('li', {
    class: `chip kind-${concept.kind.toLowerCase()}`, title: concept.kind, 'data-testid': 'taste-chip',
  }, concept.concept)));
  $('picker-current').textContent = guest ? guest.name : home.as;
}

function signature(row) {
  return row ? `${row.recommendationId}|${row.items.map((item) => item.concertId).join(',')}` : 'none';
}

function renderRow(home) {
  const row = home.row;
  const section = $('selected-for-you');
  const next = signature(row);
  section.dataset.recommendationId = row ? row.recommendationId : '';
  section.dataset.source = row ? row.source : '';
  $('row-meta').textContent = row
    ? `${t('row.meta', { arm: row.arm, source: row.source, time: clock(row.generatedAt) })}${row.holdout ? ` · ${t('row.holdout')}` : ''}`
    : '';
  if (next === state.signature) {
    return;
  }
  const changed = state.signature !== null;
  state.signature = next;
  const previous = state.shownConcerts;
  state.shownConcerts = new Set(row ? row.items.map((item) => item.concertId) : []);
  if (!row || row.items.length === 0) {
    $('selected-cards').replaceChildren(el('p', { class: 'empty', 'data-testid': 'row-empty' }, t('row.empty')));
  } else {
    $('selected-cards').replaceChildren(...row.items.map((item) => concertCard(item, {
      isNew: changed && !previous.has(item.concertId), handlers,
    })));
  }
  if (changed) {
    section.classList.remove('flash');
    void section.offsetWidth; // restart the highlight animation
    section.classList.add('flash');
    section.dataset.changedAt = String(Date.now());
    $('row-status').textContent = state.lastAction
      ? t('row.changed', { seconds: number((Date.now() - state.lastAction.at) / 1000, 1) })
      : t('row.updated');
    state.lastAction = null;
  }
}

function renderCalendar(calendar) {
  const cards = calendar.map((entry) => concertCard({ concertId: entry.concert.concertId, link: entry.link, concert: entry.concert },
    { testid: 'calendar-card', handlers: {} }));
  $('calendar-cards').replaceChildren(...(cards.length ? cards : [el('p', { class: 'empty' }, t('calendar.empty'))]));
}

function render(home) {
  if (!languageOverride() && home.language !== currentLanguage()) {
    setLanguage(home.language);
    state.signature = null; // redraw the cards in the new language
  }
  renderWelcome(home);
  renderRow(home);
  renderCalendar(home.calendar);
  if ($('activity-log').children.length === 0) {
    $('activity-log').append(el('li', { class: 'empty' }, t('activity.empty')));
  }
}

async function renderNobody() {
  $('greeting').textContent = t('greeting.new');
  $('guest-facts').textContent = t('facts.none');
  $('picker-current').textContent = t('picker.nobody');
  $('selected-cards').replaceChildren(el('p', { class: 'empty', 'data-testid': 'row-pick' }, t('row.pick')));
  const lang = currentLanguage();
  const found = await getJson(`/api/concerts?limit=8&lang=${lang}`);
  renderCalendar(found.concerts.map((concert) => ({ concert, link: `/concerts/${encodeURIComponent(concert.concertId)}` })));
}

async function refresh() {
  clearTimeout(state.timer);
  try {
    if (!state.as) {
      await renderNobody();
      return;
    }
    const lang = languageOverride();
    const as = state.as;
    const home = await getJson(`/api/guests/${encodeURIComponent(as)}/home${lang ? `?lang=${lang}` : ''}`);
    if (as === state.as) {
      state.home = home;
      render(home);
    }
  } catch (error) {
    $('row-status').textContent = error.message;
  } finally {
    markReady();
    if (state.as) {
      state.timer = setTimeout(refresh, REFRESH_MS);
    }
  }
}

function setUpLanguage() {
  setLanguage(languageOverride() || 'da');
  document.querySelectorAll('[data-lang]').forEach((button) => button.addEventListener('click', () => {
    setLanguageOverride(button.dataset.lang);
    setLanguage(button.dataset.lang);
    state.signature = null;
    refresh();
  }));
}

function setUpSearch() {
  $('artist-search').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = $('artist-query').value.trim();
    if (q && state.as) {
      act('search', null, { q });
      $('artist-query').value = '';
    } else if (!state.as) {
      openPicker(true);
    }
  });
}

setUpLanguage();
setUpPicker();
setUpSearch();
state.as = currentGuest();
refresh();
