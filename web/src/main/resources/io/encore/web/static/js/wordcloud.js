// Word clouds drawn here, no library: words placed largest first along an Archimedean spiral from the centre,
// each where its box overlaps no word placed before, then written as SVG text. Deterministic: the same words
// give the same cloud on every refresh.
const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = {
  PERFORMER: '#7a1f35', COMPOSER: '#1f3a68', WORK: '#5b3a7a', TAG: '#9a6a12', HALL: '#5d5d5d', TERM: '#23706a',
};
const FONT = 'Georgia, "Times New Roman", serif';
let measureContext = null;

function measure(text, size) {
  if (!measureContext) {
    measureContext = document.createElement('canvas').getContext('2d');
  }
  measureContext.font = `${size}px ${FONT}`;
  return measureContext.measureText(text).width;
}

function overlaps(box, placed) {
  return placed.some((other) => box.x < other.x + other.w && other.x < box.x + box.w
    && box.y < other.y + other.h && other.y < box.y + box.h);
}

/** Positions for words [{text, weight}] in a width × height box; words that do not fit are left out. */
export function layout(words, width, height, { minSize = 11, maxSize = 34, padding = 2 } = {}) {
  const placed = [];
  const result = [];
  words.forEach((word) => {
    const size = Math.round(minSize + (maxSize - minSize) * Math.sqrt(Math.max(0, Math.min(1, word.weight))));
    const w = measure(word.text, size) + padding * 2;
    const h = size * 1.1 + padding * 2;
    for (let step = 0; step < 1500; step += 1) {
      const angle = step * 0.12;
      const radius = 1.6 * angle;
      const cx = width / 2 + radius * Math.cos(angle) * (width / height);
      const cy = height / 2 + radius * Math.sin(angle);
      const box = { x: cx - w / 2, y: cy - h / 2, w, h };
      if (box.x < 0 || box.y < 0 || box.x + w > width || box.y + h > height) {
        if (radius > Math.max(width, height)) {
          break;
        }
        continue;
      }
      if (!overlaps(box, placed)) {
        placed.push(box);
        result.push({ ...word, size, x: cx, y: cy });
        break;
      }
    }
  });
  return result;
}

/** Draws the cloud into container (replacing its content) as an SVG that scales with its width. */
export function drawWordCloud(container, words, { width = 360, height = 220, label = '' } = {}) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.classList.add('word-cloud-svg');
  const placed = layout(words, width, height);
  placed.forEach((word) => {
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', word.x.toFixed(1));
    text.setAttribute('y', word.y.toFixed(1));
    text.setAttribute('font-size', String(word.size));
    text.setAttribute('font-family', FONT);
    text.setAttribute('text-anchor', 'middle');
    text.setAttribute('dominant-baseline', 'central');
    text.setAttribute('fill', COLOURS[word.kind] || '#333');
    text.setAttribute('data-weight', word.weight.toFixed(3));
    text.textContent = word.text;
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${word.text} (${word.kind}, ${word.weight.toFixed(2)})`;
    text.append(title);
    svg.append(text);
  });
  container.replaceChildren(svg);
  container.dataset.words = String(placed.length);
  return placed.length;
}

export const KIND_COLOURS = COLOURS;
