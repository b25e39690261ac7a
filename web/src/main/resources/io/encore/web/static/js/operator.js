// The operator's view: every panel polls its endpoint and redraws; the time series every 2 s, the rest every 5 s.
/* global echarts */
import * as options from './charts.js';
import { drawWordCloud } from './wordcloud.js';

const FAST_MS = 2000;
const SLOW_MS = 5000;
const SEGMENT_ORDER = ['PROSPECT', 'NEW', 'GROWING', 'LOYAL', 'TOP', 'NEEDS_ATTENTION', 'DORMANT', 'UNKNOWN'];
const VALUE_ORDER = ['A', 'B', 'C', 'D', 'E', 'UNKNOWN'];
const charts = {};
const state = { models: null, channel: null, group: null, rendered: new Set(), selectedSend: null };
const $ = (id) => document.getElementById(id);

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((body && body.error) || response.statusText);
  }
  return body;
}

/** Draws an option into a chart container and marks it for tests: data-rendered, data-has-data. */
function draw(id, option, hasData) {
  const node = $(id);
  if (!charts[id]) {
    charts[id] = echarts.init(node, null, { renderer: 'canvas' });
  }
  charts[id].setOption(option, true);
  node.dataset.rendered = 'true';
  node.dataset.hasData = String(Boolean(hasData));
  state.rendered.add(id);
}

function drawSeries(id, series, settings, emptyMessage) {
  const option = options.timeLines(series, settings);
  const hasData = option.series.length > 0;
  draw(id, hasData ? option : options.empty(emptyMessage), hasData);
}

// Which charts a panel draws, so a panel whose endpoint failed says so in its charts instead of staying blank.
const PANEL_CHARTS = {
  throughput: ['chart-throughput'],
  lag: ['chart-lag'],
  latency: ['chart-latency'],
  changes: ['chart-changes'],
  models: ['chart-bandit-shares', 'chart-bandit-posteriors', 'chart-uplift', 'chart-uplift-history'],
  segments: ['chart-value-groups', 'chart-segments', 'chart-transitions-segments', 'chart-transitions-values'],
  clusters: ['chart-cluster-map'],
  audiences: ['chart-audiences'],
};

async function panel(name, load) {
  try {
    await load();
  } catch (error) {
    (PANEL_CHARTS[name] || []).forEach((id) => draw(id, options.empty(`Not available: ${error.message}`), false));
    if (name === 'status') {
      $('status').textContent = `web app not reachable: ${error.message}`;
      $('status').classList.add('warn');
    }
  }
}

// ---- flow ----

async function flow() {
  await Promise.all([
    panel('throughput', async () => {
      const body = await getJson('/api/operator/throughput');
      drawSeries('chart-throughput', body.series, { unit: 'records/s' }, body.error || 'No records written yet');
    }),
    panel('lag', async () => {
      const body = await getJson('/api/operator/lag');
      drawSeries('chart-lag', body.series, { unit: 'records', keepZero: true }, body.error || 'No committed offsets yet');
    }),
    panel('latency', async () => {
      const body = await getJson('/api/operator/latency');
      drawSeries('chart-latency', body.series, { unit: 'ms', keepZero: true }, 'No live profile changes yet');
      const e2e = body.endToEnd;
      $('latency-note').textContent = e2e.count
        ? `Event → WEB change over the last 10 s: p50 ${e2e.p50} ms, p95 ${e2e.p95} ms, max ${e2e.max} ms (${e2e.count} changes).`
        : 'Event time → profile published, and → WEB recommendation change (p50 / p95 over 10 s).';
    }),
    panel('changes', async () => {
      const body = await getJson('/api/operator/changes');
      drawSeries('chart-changes', body.series, { unit: 'changes/s', keepZero: true }, 'No changes read yet');
      const total = Object.values(body.totalsByReason).reduce((sum, n) => sum + n, 0);
      $('changes-note').textContent = `By reason, counted from recommendation-changes as read: ${total} since start `
        + `(${Object.entries(body.totalsByChannel).map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}).`;
    }),
    panel('status', async () => {
      const body = await getJson('/api/status');
      const errors = Object.entries(body.samplingErrors || {});
      $('status').textContent = `${body.concerts} concerts · ${body.guests} guests · ${body.emailSends} sends`
        + `${body.caughtUp === false ? ' · catching up…' : ''}${body.redisReachable === false ? ' · Redis down' : ''}`
        + `${errors.length ? ` · ${errors.map(([part, error]) => `${part}: ${error}`).join('; ')}` : ''}`;
      $('status').classList.toggle('warn', errors.length > 0);
    }),
  ]);
}

// ---- models ----

function fillSelect(select, values, current) {
  const keep = values.includes(current) ? current : values[0];
  if ([...select.options].map((o) => o.value).join() !== values.join()) {
    select.replaceChildren(...values.map((value) => new Option(value, value)));
  }
  select.value = keep || '';
  return keep;
}

function drawModels() {
  const body = state.models;
  $('models-error').textContent = body.error || '';
  const channels = body.channels;
  state.channel = fillSelect($('bandit-channel'), channels.map((c) => c.channel), state.channel);
  const channel = channels.find((c) => c.channel === state.channel);
  if (!channel || channel.groups.length === 0) {
    draw('chart-bandit-shares', options.empty(body.error ? 'scoring-stream not reachable' : 'No bandit trials yet'), false);
    draw('chart-bandit-posteriors', options.empty('No posteriors yet'), false);
  } else {
    state.group = fillSelect($('bandit-group'), channel.groups.map((g) => g.group), state.group);
    draw('chart-bandit-shares', options.selectionShares(channel), true);
    draw('chart-bandit-posteriors', options.posteriors(channel.groups.find((g) => g.group === state.group)), true);
  }
  const withUplift = channels.filter((c) => c.holdout.uplift);
  draw('chart-uplift', withUplift.length ? options.upliftIntervals(channels) : options.empty('Uplift needs trials in both groups'),
    withUplift.length > 0);
  $('uplift-text').replaceChildren(...channels.map((c) => {
    const h = c.holdout;
    const u = h.uplift;
    const pct = (v) => `${(v * 100).toFixed(1)} %`;
    const text = u
      ? `${c.channel}: treated ${pct(h.treated.rate)} of ${h.treated.trials}, control ${pct(h.control.rate)} of ${h.control.trials}; `
        + `uplift ${(u.uplift * 100).toFixed(2)} pp [${(u.lower * 100).toFixed(2)}, ${(u.upper * 100).toFixed(2)}]`
        + `${u.hasEnoughData ? (u.significant ? ' — significant' : ' — not significant') : ' — not enough data yet'}`
      : `${c.channel}: ${h.treated.trials} treated and ${h.control.trials} control lists so far`;
    const item = document.createElement('li');
    item.textContent = text;
    return item;
  }));
  const history = body.upliftHistory || {};
  const hasHistory = Object.values(history).some((points) => points.length > 0);
  draw('chart-uplift-history', hasHistory ? options.upliftHistory(history) : options.empty('No uplift sampled yet'), hasHistory);
}

async function models() {
  state.models = await getJson('/api/operator/models');
  drawModels();
}

// ---- segments ----

async function segments() {
  const body = await getJson('/api/operator/segments');
  $('segments-error').textContent = body.error || '';
  const counts = body.counts;
  const valueGroups = counts ? counts.valueGroups : {};
  const behaviour = counts ? counts.segments : {};
  draw('chart-value-groups', Object.keys(valueGroups).length ? options.counts(valueGroups, VALUE_ORDER)
    : options.empty(body.error ? 'profile-stream not reachable' : 'No guests yet'), Object.keys(valueGroups).length > 0);
  draw('chart-segments', Object.keys(behaviour).length ? options.counts(behaviour, SEGMENT_ORDER)
    : options.empty(body.error ? 'profile-stream not reachable' : 'No guests yet'), Object.keys(behaviour).length > 0);
  const moves = body.transitions;
  draw('chart-transitions-segments', moves.total ? options.transitions(moves.segments) : options.empty('No segment changes yet'), moves.total > 0);
  draw('chart-transitions-values', moves.total ? options.transitions(moves.valueGroups) : options.empty('No segment changes yet'), moves.total > 0);
}

// ---- clusters ----

async function clusters() {
  const population = $('cluster-population').value;
  const k = $('cluster-k').value;
  const body = await getJson(`/api/operator/clusters?population=${population}&k=${k}`);
  $('clusters-note').textContent = `${body.guests} visitors with a taste vector, ${body.k} clusters (k-means, ${body.iterations} iterations)`;
  const grid = $('word-clouds');
  if (body.clusters.length === 0) {
    grid.replaceChildren(Object.assign(document.createElement('p'), { className: 'empty', textContent: 'No visitors with a taste yet.' }));
  } else {
    grid.replaceChildren(...body.clusters.map((cluster) => {
      const card = document.createElement('article');
      card.className = 'cloud';
      card.setAttribute('data-testid', 'word-cloud');
      card.dataset.clusterId = String(cluster.id);
      const title = document.createElement('h3');
      title.textContent = `Cluster ${cluster.id} · ${cluster.size} visitors (${(cluster.share * 100).toFixed(0)} %)`;
      const groups = document.createElement('p');
      groups.className = 'note';
      groups.textContent = Object.entries(cluster.behaviourGroups).sort((a, b) => b[1] - a[1]).slice(0, 3)
        .map(([group, n]) => `${group} ${n}`).join(' · ');
      const cloud = document.createElement('div');
      cloud.className = 'cloud-canvas';
      card.append(title, cloud, groups);
      drawWordCloud(cloud, cluster.words, { label: `Cluster ${cluster.id}: ${cluster.label}` });
      return card;
    }));
  }
  grid.dataset.rendered = 'true';
  draw('chart-cluster-map', body.map.length ? options.clusterMap(body.map, body.clusters) : options.empty('No visitors yet'),
    body.map.length > 0);
}

// ---- channels ----

function showEmail(message) {
  state.selectedSend = message.sendId;
  // Links open in a new tab (through the tracking redirect); the preview itself runs no script.
  $('outbox-preview').srcdoc = `<base target="_blank">${message.html || ''}`;
  document.querySelectorAll('.outbox-item').forEach((node) => node.classList.toggle('active', node.dataset.sendId === message.sendId));
}

async function outbox() {
  const body = await getJson('/api/operator/outbox?limit=12');
  const list = $('outbox-list');
  if (body.messages.length === 0) {
    list.replaceChildren(Object.assign(document.createElement('li'), { className: 'empty', textContent: 'No e-mails captured yet.' }));
    return;
  }
  list.replaceChildren(...body.messages.map((message) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'outbox-item';
    button.dataset.sendId = message.sendId;
    button.setAttribute('data-testid', 'outbox-item');
    const subject = document.createElement('strong');
    subject.textContent = message.subject;
    const meta = document.createElement('small');
    const send = String(message.sendId);
    meta.textContent = `${message.guestId || 'unknown guest'} · send ${send.length > 12 ? `${send.slice(0, 12)}…` : send}`;
    button.append(subject, meta);
    button.addEventListener('click', () => showEmail(message));
    item.append(button);
    return item;
  }));
  const selected = body.messages.find((m) => m.sendId === state.selectedSend) || body.messages[0];
  if (selected.sendId !== state.selectedSend) {
    showEmail(selected);
  } else {
    document.querySelectorAll('.outbox-item').forEach((node) => node.classList.toggle('active', node.dataset.sendId === selected.sendId));
  }
}

async function audiences() {
  const body = await getJson('/api/operator/audiences?limit=20');
  $('audiences-note').textContent = `${body.count} audiences, ${body.members} members in all (look-alikes in gold).`;
  draw('chart-audiences', body.audiences.length ? options.audiences(body.audiences) : options.empty('No audiences uploaded yet'),
    body.audiences.length > 0);
}

async function slow() {
  await Promise.all([
    panel('models', models), panel('segments', segments), panel('clusters', clusters),
    panel('outbox', outbox), panel('audiences', audiences),
  ]);
}

function loop(task, every) {
  const run = async () => {
    await task();
    setTimeout(run, every);
  };
  return run();
}

function setUp() {
  $('cluster-k').replaceChildren(...Array.from({ length: 12 }, (_, i) => new Option(String(i + 1), String(i + 1))));
  $('cluster-k').value = '6';
  $('cluster-population').addEventListener('change', () => panel('clusters', clusters));
  $('cluster-k').addEventListener('change', () => panel('clusters', clusters));
  $('bandit-channel').addEventListener('change', () => {
    state.channel = $('bandit-channel').value;
    state.group = null;
    if (state.models) {
      drawModels();
    }
  });
  $('bandit-group').addEventListener('change', () => {
    state.group = $('bandit-group').value;
    if (state.models) {
      drawModels();
    }
  });
  window.addEventListener('resize', () => Object.values(charts).forEach((chart) => chart.resize()));
}

async function main() {
  setUp();
  await Promise.all([flow(), slow()]);
  window.encoreReady = true;
  document.body.dataset.ready = 'true';
  document.body.dataset.chartsRendered = String(state.rendered.size);
  setTimeout(() => loop(flow, FAST_MS), FAST_MS);
  setTimeout(() => loop(slow, SLOW_MS), SLOW_MS);
}

main();
