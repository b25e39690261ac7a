// Shared by the guest's pages: texts, the guest acted as, the API, and building DOM without innerHTML.
import { TEXTS } from './i18n.js';

const AS_KEY = 'encore.as';
const LANG_KEY = 'encore.lang';
const SESSION_KEY = 'encore.session';
let language = 'da';

/** A text in the page language, with {name} placeholders filled from values. */
export function t(key, values = {}) {
  const text = (TEXTS[language] && TEXTS[language][key]) || TEXTS.en[key] || key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

export function currentLanguage() {
  return language;
}

/** Sets the page language and translates every element marked data-i18n / data-i18n-placeholder. */
export function setLanguage(lang) {
  language = lang === 'en' ? 'en' : 'da';
  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  });
  document.querySelectorAll('[data-lang]').forEach((button) => {
    button.classList.toggle('active', button.dataset.lang === language);
    button.setAttribute('aria-pressed', String(button.dataset.lang === language));
  });
}

/** The language the visitor chose with the DA/EN toggle, or null to follow the guest's own. */
export function languageOverride() {
  return localStorage.getItem(LANG_KEY);
}

export function setLanguageOverride(lang) {
  localStorage.setItem(LANG_KEY, lang);
}

/** The guest the page acts as: ?as= first, then the last one picked (cookie and local storage). */
export function currentGuest() {
  const fromUrl = new URLSearchParams(location.search).get('as');
  if (fromUrl) {
    rememberGuest(fromUrl);
    return fromUrl;
  }
  return localStorage.getItem(AS_KEY) || cookie('encore_as');
}

export function rememberGuest(id) {
  localStorage.setItem(AS_KEY, id);
  document.cookie = `encore_as=${encodeURIComponent(id)}; path=/; SameSite=Lax`;
}

function cookie(name) {
  const found = document.cookie.split('; ').find((pair) => pair.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

/** A new anonymous visitor: a fresh cookie id, as the site's tracker would set one. */
export function newVisitorId() {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `COOKIE:web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The visit's session id (one per browser tab), as the tracker keeps it. */
export function sessionId() {
  let id = sessionStorage.getItem(SESSION_KEY);
  if (!id) {
    id = `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    sessionStorage.setItem(SESSION_KEY, id);
  }
  return id;
}

/** An API error with the server's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, (body && body.error) || response.statusText);
  }
  return body;
}

/** POST /api/actions/{action} as the current guest; resolves to where the event landed. */
export async function sendAction(action, params) {
  const query = new URLSearchParams({ session: sessionId(), lang: language });
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      query.set(key, String(value));
    }
  });
  const response = await fetch(`/api/actions/${action}?${query}`, { method: 'POST', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, (body && body.error) || response.statusText);
  }
  return body;
}

/** Builds an element: attributes (class, dataset via data-*, on* handlers) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.substring(2), value);
    } else if (name === 'class') {
      node.className = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

export function clock(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleTimeString(language === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function number(value, digits = 0) {
  return new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: digits }).format(value);
}
