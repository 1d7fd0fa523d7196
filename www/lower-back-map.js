// <lower-back-map>: the custom element a marketer pastes. It loads the WebAssembly next to this
// file (so any folder, CDN or second origin works) and hands each element to the Rust widget.
// Until the widget is drawn, or if it cannot load, the element's own content stays visible.
import init, { mount } from './pkg/lower_back_map.js';

const wasm = new URL('./pkg/lower_back_map_bg.wasm', import.meta.url);
const ready = init({ module_or_path: wasm });
const ATTRIBUTES = ['booking-url', 'booking-provider', 'booking-field', 'clinic-name', 'region', 'analytics', 'theme'];

class LowerBackMap extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #widget = null;
  #config = undefined;

  connectedCallback() {
    // A `config` set before this element was upgraded sits on the instance; move it here.
    if (Object.hasOwn(this, 'config')) {
      const early = this.config;
      delete this.config;
      this.#config = early;
    }
    ready.then(() => this.#mount(), (e) => {
      console.error(`lower-back-map: ${wasm} could not load, so the fallback content stays.`, e);
    });
  }

  disconnectedCallback() {
    this.#widget?.destroy();
    this.#widget = null;
  }

  attributeChangedCallback(name, old, value) {
    if (old !== value) this.#call((w) => w.attributeChanged(name));
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

  #mount() {
    if (!this.isConnected || this.#widget) return;
    try {
      this.#widget = mount(this, this.#config);
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
