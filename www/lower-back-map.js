// <lower-back-map>: the custom element a marketer pastes. It loads the WebAssembly next to this
// file (so any folder, CDN or second origin works) and hands each element to the Rust widget.
// Until the widget is drawn, or if it cannot load, the element's own content stays visible.
import init, { mount } from './pkg/lower_back_map.js';

const wasm = new URL('./pkg/lower_back_map_bg.wasm', import.meta.url);
const ready = init({ module_or_path: wasm });
const ATTRIBUTES = ['booking-url', 'booking-provider', 'booking-field', 'clinic-name', 'region', 'analytics', 'theme', 'lang'];

// Text packs: English is built in; another language is `lower-back-map.<code>.json` next to this
// file, listed here, fetched only for an element whose `lang` (or the page's) asks for it.
const PACKS = ['es'];
const packs = new Map();
/** The language code an element asks for: its `lang`, else its ancestors' or the page's. */
const langOf = (el) => (el.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang).trim().toLowerCase().split('-')[0];
/** The text pack for `code`, or undefined for English (also when the pack cannot load). */
function packFor(code) {
  if (!PACKS.includes(code)) return Promise.resolve(undefined);
  if (!packs.has(code)) {
    const url = new URL(`./lower-back-map.${code}.json`, import.meta.url);
    packs.set(code, fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`)))).catch((e) => {
      console.warn(`lower-back-map: the "${code}" text pack (${url}) could not load (${e.message}); the map is in English.`);
      return undefined;
    }));
  }
  return packs.get(code);
}

class LowerBackMap extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #widget = null;
  #config = undefined;
  #lang = undefined;

  connectedCallback() {
    // A `config` set before this element was upgraded sits on the instance; move it here.
    if (Object.hasOwn(this, 'config')) {
      const early = this.config;
      delete this.config;
      this.#config = early;
    }
    const code = langOf(this);
    Promise.all([ready, packFor(code)]).then(([, pack]) => this.#mount(pack, code), (e) => {
      console.error(`lower-back-map: ${wasm} could not load, so the fallback content stays.`, e);
    });
  }

  disconnectedCallback() {
    this.#widget?.destroy();
    this.#widget = null;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === 'lang') this.#languageChanged();
    else this.#call((w) => w.attributeChanged(name));
  }

  #languageChanged() {
    const code = langOf(this);
    this.#lang = code;
    packFor(code).then((pack) => { if (this.#lang === code) this.#call((w) => w.setPack(pack)); });
  }

  /** Config object: any string of the content model, plus bookingUrl, clinicName, region, analytics. */
  get config() { return this.#config; }
  set config(value) {
    this.#config = value;
    this.#call((w) => w.setConfig(value));
  }

  /** Selects a region from code: select('psoas'), select('ql', 'right'). */
  select(region, side) { this.#call((w) => w.select(region, side)); }
  clear() { this.#call((w) => w.clear()); }
  /** The selection as "region:side", or undefined. */
  get selected() { return this.#widget?.selected(); }
  /** The booking link as it stands now. */
  get bookingHref() { return this.#widget?.bookingHref(); }

  #mount(pack, code) {
    if (!this.isConnected || this.#widget) return;
    try {
      this.#widget = mount(this, this.#config, pack);
      this.#lang = code;
      if (langOf(this) !== code) this.#languageChanged(); // `lang` changed while the pack loaded
    } catch (e) {
      console.error(e);
    }
  }

  #call(f) {
    if (!this.#widget) return;
    try {
      f(this.#widget);
    } catch (e) {
      console.error(e);
    }
  }
}

if (!customElements.get('lower-back-map')) customElements.define('lower-back-map', LowerBackMap);
