// ECharts options of the operator view, as pure functions of the API's JSON.
import { betaPdf } from './beta.js';

export const PALETTE = ['#7a1f35', '#1f3a68', '#c08a2e', '#23706a', '#5b3a7a', '#b5523b', '#4f7d2e', '#8a8a8a',
  '#2f8fbf', '#d0679a', '#6b4f2a', '#3d3d8f'];

const GRID = { left: 56, right: 18, top: 40, bottom: 30, containLabel: false };

/** A "no data yet" note in the middle of an empty chart. */
export function empty(message) {
  return {
    graphic: [{
      type: 'text', left: 'center', top: 'middle', style: { text: message, fill: '#8a7f74', fontSize: 14 },
    }],
    xAxis: { show: false }, yAxis: { show: false }, series: [],
  };
}

/** Lines over time, one per named series of [t, v] points; series that stayed at zero are left out. */
export function timeLines(series, { unit, area = false, stack = null, keepZero = false } = {}) {
  const names = Object.keys(series).filter((name) => keepZero || series[name].some((point) => point[1] > 0));
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '–' : `${Math.round(v * 10) / 10} ${unit}`) },
    legend: { type: 'scroll', top: 0 },
    grid: GRID,
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } }, // a short history gives second ticks that crowd
    yAxis: { type: 'value', name: unit, nameGap: 8, nameTextStyle: { align: 'left' } },
    series: names.map((name) => ({
      name, type: 'line', showSymbol: false, smooth: false, data: series[name], stack, areaStyle: area ? { opacity: 0.25 } : undefined,
    })),
  };
}

export function hasPoints(series) {
  return Object.values(series).some((points) => points.length > 0);
}

/** Stacked horizontal bars: per behaviour group, the share of selections of each arm. */
export function selectionShares(channel) {
  const groups = channel.groups.map((group) => group.group);
  const arms = [...new Set(channel.groups.flatMap((group) => group.arms.map((arm) => arm.arm)))].sort();
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${(v * 100).toFixed(1)} %` },
    legend: { type: 'scroll', top: 0 },
    grid: { ...GRID, left: 120 },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)} %` } },
    yAxis: { type: 'category', data: groups },
    series: arms.map((arm) => ({
      name: arm,
      type: 'bar',
      stack: 'share',
      data: channel.groups.map((group) => {
        const found = group.arms.find((candidate) => candidate.arm === arm);
        return found ? found.share : 0;
      }),
    })),
  };
}

/** Beta densities of a group's arms over the range where they have mass. */
export function posteriors(group) {
  // Bounds on the 0.1 grid, so the axis' end labels never crowd its nice ticks (0.80 next to 0.85).
  const low = Math.max(0, Math.floor((Math.min(...group.arms.map((arm) => arm.lower)) - 0.05) * 10) / 10);
  const high = Math.min(1, Math.ceil((Math.max(...group.arms.map((arm) => arm.upper)) + 0.05) * 10) / 10);
  const xs = Array.from({ length: 121 }, (_, i) => low + ((high - low) * i) / 120).filter((x) => x > 0 && x < 1);
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v) => v.toFixed(2) },
    legend: { type: 'scroll', top: 0 },
    grid: GRID,
    xAxis: { type: 'value', min: low, max: high, name: 'expected reward', nameLocation: 'middle', nameGap: 22,
      axisLabel: { formatter: (v) => v.toFixed(2), hideOverlap: true } },
    yAxis: { type: 'value', name: 'density' },
    series: group.arms.map((arm) => ({
      name: `${arm.arm} (${arm.selections})`,
      type: 'line',
      showSymbol: false,
      data: xs.map((x) => [x, betaPdf(x, arm.alpha, arm.beta)]),
    })),
  };
}

/** Per channel: the uplift as a point with its 95 % interval as whiskers. */
export function upliftIntervals(channels) {
  const withUplift = channels.filter((channel) => channel.holdout.uplift);
  const names = withUplift.map((channel) => channel.channel);
  const pp = (v) => `${(v * 100).toFixed(2)} pp`;
  return {
    color: PALETTE,
    tooltip: { trigger: 'item' },
    grid: GRID,
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', name: 'uplift (pp)', axisLabel: { formatter: (v) => (v * 100).toFixed(1) } },
    series: [
      {
        name: '95 % interval',
        type: 'custom',
        renderItem: (params, api) => {
          const x = api.value(0);
          const low = api.coord([x, api.value(1)]);
          const high = api.coord([x, api.value(2)]);
          const half = 10;
          const style = { stroke: '#1f3a68', lineWidth: 2 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
              { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style },
              { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style },
            ],
          };
        },
        encode: { x: 0, y: [1, 2] },
        data: withUplift.map((channel, i) => [i, channel.holdout.uplift.lower, channel.holdout.uplift.upper]),
        tooltip: { formatter: (p) => `${names[p.value[0]]}: ${pp(p.value[1])} … ${pp(p.value[2])}` },
        z: 1,
      },
      {
        name: 'uplift',
        type: 'scatter',
        symbolSize: 12,
        itemStyle: { color: '#7a1f35' },
        data: withUplift.map((channel, i) => [i, channel.holdout.uplift.uplift]),
        tooltip: { formatter: (p) => `${names[p.value[0]]}: ${pp(p.value[1])}` },
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#8a7f74', type: 'dashed' }, data: [{ yAxis: 0 }] },
        z: 2,
      },
    ],
  };
}

/** Uplift over time per channel: the line and its interval as a band. */
export function upliftHistory(history) {
  const series = [];
  Object.entries(history).forEach(([channel, points], i) => {
    const colour = PALETTE[i % PALETTE.length];
    series.push({ name: `${channel} lower`, type: 'line', showSymbol: false, stack: channel, lineStyle: { opacity: 0 },
      data: points.map((p) => [p[0], p[2]]), tooltip: { show: false } });
    series.push({ name: `${channel} 95 %`, type: 'line', showSymbol: false, stack: channel, lineStyle: { opacity: 0 },
      areaStyle: { color: colour, opacity: 0.15 }, data: points.map((p) => [p[0], p[3] - p[2]]), tooltip: { show: false } });
    series.push({ name: channel, type: 'line', showSymbol: false, color: colour, data: points.map((p) => [p[0], p[1]]) });
  });
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${(v * 100).toFixed(2)} pp` },
    legend: { top: 0, data: Object.keys(history) },
    grid: GRID,
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } }, // a short history gives second ticks that crowd
    yAxis: { type: 'value', name: 'uplift (pp)', axisLabel: { formatter: (v) => (v * 100).toFixed(1) } },
    series,
  };
}

/** Bars of counts by category, in the given order first. */
export function counts(byName, order = []) {
  const names = [...order.filter((name) => name in byName), ...Object.keys(byName).filter((name) => !order.includes(name)).sort()];
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: GRID,
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: 'guests' },
    series: [{ type: 'bar', data: names.map((name, i) => ({ value: byName[name], itemStyle: { color: PALETTE[i % PALETTE.length] } })) }],
  };
}

/** A from → to heatmap of moves. */
export function transitions(matrix) {
  const froms = Object.keys(matrix).sort();
  const tos = [...new Set(Object.values(matrix).flatMap((row) => Object.keys(row)))].sort();
  const data = [];
  let max = 1;
  froms.forEach((from, y) => tos.forEach((to, x) => {
    const value = (matrix[from] && matrix[from][to]) || 0;
    max = Math.max(max, value);
    data.push([x, y, value]);
  }));
  return {
    tooltip: { formatter: (p) => `${froms[p.value[1]]} → ${tos[p.value[0]]}: ${p.value[2]}` },
    // Room above and to the right for the axis names ("from", "to"), which were clipped.
    grid: { left: 120, right: 40, top: 36, bottom: 60 },
    xAxis: { type: 'category', data: tos, name: 'to', axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'category', data: froms, name: 'from' },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80,
      inRange: { color: ['#f7f0e6', '#c08a2e', '#7a1f35'] } },
    series: [{ type: 'heatmap', data, label: { show: true, formatter: (p) => (p.value[2] ? p.value[2] : '') } }],
  };
}

/** The taste map: visitors as points, coloured by cluster. */
export function clusterMap(map, clusters) {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: (p) => p.seriesName },
    legend: { type: 'scroll', top: 0 },
    grid: GRID,
    xAxis: { type: 'value', scale: true, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: { type: 'value', scale: true, axisLabel: { show: false }, splitLine: { show: false } },
    series: clusters.map((cluster) => ({
      name: `${cluster.id}: ${cluster.label || '–'}`,
      type: 'scatter',
      symbolSize: 6,
      data: map.filter((point) => point[2] === cluster.id).map((point) => [point[0], point[1]]),
    })),
  };
}

/** Horizontal bars of the largest audiences. */
export function audiences(list) {
  const rows = [...list].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...GRID, left: 160 },
    xAxis: { type: 'value', name: 'members' },
    yAxis: { type: 'category', data: rows.map((a) => a.audienceId) },
    series: [{ type: 'bar', data: rows.map((a) => ({ value: a.size, itemStyle: { color: a.lookalike ? '#c08a2e' : '#7a1f35' } })) }],
  };
}
