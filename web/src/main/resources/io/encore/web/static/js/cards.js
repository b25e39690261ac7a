// The concert cards of the front page: one per recommended or upcoming concert.
import { el, t } from './common.js';

/** The date block of a tile: day and month, or a dash for undated concerts. */
function tile(concert, rank) {
  const date = concert && concert.date;
  return el('div', { class: 'tile', 'aria-hidden': 'true' },
    el('span', { class: 'day' }, date ? date.day : '–'),
    el('span', { class: 'month' }, date ? date.month : ''),
    rank ? el('span', { class: 'rank', title: `#${rank}` }, String(rank)) : null);
}

function badges(concert, isNew) {
  const list = [];
  if (isNew) {
    list.push(el('span', { class: 'badge new', 'data-testid': 'card-new' }, t('card.new')));
  }
  if (concert && concert.status === 'SOLD_OUT') {
    list.push(el('span', { class: 'badge sold-out' }, t('card.soldOut')));
  } else if (concert && concert.fewSeatsLeft) {
    list.push(el('span', { class: 'badge few' }, t('card.fewSeats')));
  }
  return list.length ? el('p', { class: 'badges' }, list) : null;
}

/**
 * A card. item: { concertId, rank?, link, concert (ConcertView or null), reasons? }.
 * handlers: { favourite(item), notInterested(item), buy(item) } — omitted handlers give no button.
 */
export function concertCard(item, { testid = 'rec-card', isNew = false, handlers = {} } = {}) {
  const concert = item.concert;
  const title = concert ? concert.title : t('card.unknown', { id: item.concertId });
  const reason = item.reasons && item.reasons.length ? item.reasons[0].text : null;
  const where = concert ? [concert.hall, concert.priceText].filter(Boolean).join(' · ') : '';
  const actions = el('div', { class: 'actions' },
    el('a', { class: 'button ghost', href: item.link, 'data-testid': 'action-open' }, t('card.readMore')),
    handlers.favourite ? el('button', {
      type: 'button', class: 'button', 'data-testid': 'action-favourite', onclick: () => handlers.favourite(item),
    }, t('card.favourite')) : null,
    handlers.notInterested ? el('button', {
      type: 'button', class: 'button', 'data-testid': 'action-not-interested', onclick: () => handlers.notInterested(item),
    }, t('card.notInterested')) : null,
    handlers.buy && concert && concert.status === 'ON_SALE' ? el('button', {
      type: 'button', class: 'button primary', 'data-testid': 'action-buy', onclick: () => handlers.buy(item),
    }, t('card.buy')) : null);
  const card = el('article', {
    class: `card${isNew ? ' is-new' : ''}`,
    'data-testid': testid,
    'data-concert-id': item.concertId,
    'data-rank': item.rank,
  },
  tile(concert, item.rank),
  el('div', { class: 'card-body' },
    badges(concert, isNew),
    el('h3', { class: 'card-title' }, el('a', { href: item.link, 'data-testid': 'card-link' }, title)),
    concert && concert.date ? el('p', { class: 'when' }, concert.date.text) : null,
    where ? el('p', { class: 'where' }, where) : null,
    reason ? el('p', { class: 'reason', 'data-testid': 'card-reason' }, reason) : null,
    actions));
  card.style.setProperty('--hue', String(concert ? concert.hue : 30));
  return card;
}
