// <lower-back-map>: the custom element a marketer pastes. It loads the WebAssembly next to this
// file (so any folder, CDN or second origin works) and hands each element to the Rust widget.
// Until the widget is drawn, or if it cannot load, the element's own content stays visible.
//
// No waterfall: the wasm is fetched and compiled (streaming) at the same moment as the glue is
// imported, not after the glue has arrived.
//
// Another name, for a page where <lower-back-map> is taken:
//   <script type="module" src=".../lower-back-map.js?name=clinic-map"></script>  → <clinic-map>
// or from a module: import { define } from '.../lower-back-map.js'; define('clinic-map');
const PREFIX = 'lower-back-map:';
const wasm = new URL('./pkg/lower_back_map_bg.wasm', import.meta.url);

async function compile() {
  const response = await fetch(wasm);
  if (!response.ok) throw new Error(`${wasm} answered ${response.status}`);
  const type = response.headers.get('Content-Type');
  const right = type?.trim().toLowerCase() === 'application/wasm';
  if (right && WebAssembly.compileStreaming) return WebAssembly.compileStreaming(response);
  if (!right) console.warn(`${PREFIX} ${wasm} was sent with Content-Type "${type}", not "application/wasm", so it is compiled only after it has fully downloaded. Send Content-Type: application/wasm for .wasm files.`);
  return WebAssembly.compile(await response.arrayBuffer());
}

// One start-up per glue, even when the loader runs twice (?name= gives a second module
// instance): two instances of one glue module would overwrite each other's wasm.
const glueUrl = new URL('./pkg/lower_back_map.js', import.meta.url).href;
// The glue is imported beside the wasm here. In dist/ it is part of this file instead
// (scripts/merge-glue.mjs): one request and one module fewer for the two-line snippet.
const importGlue = () => import(glueUrl);
const started = (globalThis[Symbol.for('lower-back-map')] ??= {});
const glue = (started[glueUrl] ??= Promise.all([importGlue(), compile()])
  .then(([g, module]) => g.default({ module_or_path: module }).then(() => g)));
glue.catch(() => {}); // reported by each element that waits for it

const ATTRIBUTES = ['booking-url', 'booking-provider', 'booking-field', 'clinic-name', 'region', 'analytics', 'analytics-feelings', 'theme', 'lang', 'dir'];

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

// Until the widget is drawn (or has failed), the element keeps a screenful of room, at most
// 850 px (less than the widget ever takes), so the page below it is off screen and does not
// jump when the wasm arrives. `:state(settled)` ends it. Without :state() support, no room.
let room = null;
try {
  room = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, room];
} catch { /* no constructed stylesheets: no room kept */ }
const reserve = (name) => {
  try { room?.insertRule(`${name}:not(:state(settled)) { display: block; min-height: min(100vh, 850px); }`); } catch { /* no :state() */ }
};

class LowerBackMap extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #widget = null;
  #internals = this.attachInternals?.();
  #config = undefined;
  /** The region that had focus, kept while the element is moved to another place. */
  #focus = null;
  /** The language whose text pack the widget shows (or is loading). */
  #lang = undefined;

  constructor() {
    super();
    // Chromium sends focusout (to the host only when focus leaves its shadow tree) while a
    // focused element is being moved: remember which region lost it. connectedCallback puts
    // focus back before the check below runs, so only a real departure forgets it.
    this.addEventListener('focusout', (e) => {
      this.#focus = e.composedPath()[0];
      queueMicrotask(() => { if (!this.shadowRoot?.activeElement) this.#focus = null; });
    });
  }

  connectedCallback() {
    // A `config` set before this element was upgraded sits on the instance; move it here.
    if (Object.hasOwn(this, 'config')) {
      const early = this.config;
      delete this.config;
      this.#config = early;
    }
    if (this.#widget) {
      // Moved: the same widget, with its selection; focus goes back where it was.
      if (this.#focus?.isConnected && !this.shadowRoot.activeElement) this.#focus.focus({ preventScroll: true });
      return;
    }
    const code = langOf(this);
    Promise.all([glue, packFor(code)]).then(([g, pack]) => this.#mount(g, pack, code), (e) => {
      this.#internals?.states?.add('settled');
      console.error(`${PREFIX} ${wasm} could not load, so the fallback content stays.`, e);
    });
  }

  disconnectedCallback() {
    // Destroyed only if it is still out of the document once this task's moves are done.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#widget?.destroy();
      this.#widget = null;
      this.#focus = null;
    });
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
  get selected() { return this.#call((w) => w.selected()); }
  /** The booking link as it stands now. */
  get bookingHref() { return this.#call((w) => w.bookingHref()); }

  #mount(g, pack, code) {
    if (!this.isConnected || this.#widget) return;
    try {
      this.#widget = g.mount(this, this.#config, pack);
      this.#lang = code;
      if (langOf(this) !== code) this.#languageChanged(); // `lang` changed while the pack loaded
    } catch (e) {
      console.error(e);
    }
    this.#internals?.states?.add('settled');
  }

  #call(f) {
    if (!this.#widget) return;
    try {
      return f(this.#widget);
    } catch (e) {
      console.error(e);
    }
  }
}

/** Registers the element under `name` (default lower-back-map); false if the name is taken. */
export function define(name = 'lower-back-map') {
  const taken = customElements.get(name);
  if (taken === LowerBackMap || taken?.prototype instanceof LowerBackMap) return true;
  if (taken) {
    console.warn(`${PREFIX} <${name}> is already defined by another script, so this widget is not registered under that name. Load it under another one: <script type="module" src="${import.meta.url.split('?')[0]}?name=clinic-map"></script> and <clinic-map> instead of <${name}>.`);
    return false;
  }
  try {
    // Each name needs its own class: one constructor cannot be defined twice.
    customElements.define(name, class extends LowerBackMap {});
    reserve(name);
    return true;
  } catch (e) {
    console.warn(`${PREFIX} "${name}" cannot name an element (it needs a hyphen, like clinic-map).`, e);
    return false;
  }
}

define(new URL(import.meta.url).searchParams.get('name') || undefined);
