// The fair limit for any embeddable widget (bench/run.mjs): a hand-written plain-JS custom
// element with the same two-line interface as <lower-back-map> (a module script and an element
// with booking-url and fallback content), drawing the baseline's map and one panel into an open
// shadow root with a constructed stylesheet. No framework, no WebAssembly.
const TEXT = {
  ql: ['Quadratus lumborum', 'A deep ache between the lowest rib and the hip bone.'],
  'si-joint': ['Sacroiliac joint', 'Pain at the dimples where the spine meets the pelvis.'],
  glutes: ['Glutes', 'Tight hip muscles that pull on the lower back.'],
  psoas: ['Psoas', 'A deep hip flexor in front of the spine.'],
};
const SHAPES = [
  ['psoas-both', '<ellipse cx="150" cy="150" rx="34" ry="60"/>'],
  ['ql-left', '<rect x="94" y="70" width="42" height="90" rx="10"/>'],
  ['ql-right', '<rect x="164" y="70" width="42" height="90" rx="10"/>'],
  ['si-joint-left', '<circle cx="128" cy="200" r="14"/>'],
  ['si-joint-right', '<circle cx="172" cy="200" r="14"/>'],
  ['glutes-left', '<ellipse cx="106" cy="255" rx="44" ry="40"/>'],
  ['glutes-right', '<ellipse cx="194" cy="255" rx="44" ry="40"/>'],
];
const sheet = new CSSStyleSheet();
sheet.replaceSync(`:host{display:block;font:1rem/1.5 system-ui,sans-serif;color:#1c2a30}
svg{display:block;width:100%;max-width:360px;height:auto;margin:0 auto}
.skin{fill:#f4e4d8;stroke:#b98d76}.spine{fill:#fbf8f1;stroke:#a99b87}
.region{cursor:pointer;fill:#c4563f;fill-opacity:.42;stroke:#8a3c2c}
.region[aria-pressed=true]{fill:#1b6b73;fill-opacity:.9}.region:focus-visible{outline:3px dashed #1c2a30}
.panel{border:1px solid #ddd;border-radius:12px;padding:12px 16px;min-height:8em}
a{display:inline-block;margin-top:8px;padding:10px 22px;border-radius:999px;background:#1b6b73;color:#fff}`);

class PlainMap extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = `<svg viewBox="0 0 300 320" role="toolbar" aria-label="Lower back and hips: choose an area">
<path class="skin" d="M80 10 H220 L240 200 Q250 300 150 310 Q50 300 60 200 Z"/><rect class="spine" x="142" y="10" width="16" height="230" rx="6"/>
${SHAPES.map(([k, s], i) => `<g class="region" data-target="${k}" role="button" tabindex="${i ? -1 : 0}" aria-pressed="false">${s}</g>`).join('')}
</svg><div class="panel" aria-live="polite"><h2>Where does your lower back hurt?</h2><p>Tap or click the area that aches.</p><a>Book a session</a></div>`;
    const regions = [...root.querySelectorAll('[data-target]')];
    const [h2, p, a] = root.querySelector('.panel').children;
    const booking = this.getAttribute('booking-url') || '#book';
    a.href = booking;
    const select = (g) => {
      const key = g.dataset.target;
      const side = key.match(/(left|right|both)$/)[1];
      const [name, text] = TEXT[key.slice(0, -side.length - 1)];
      for (const r of regions) r.setAttribute('aria-pressed', r === g);
      h2.textContent = `${name}, ${side === 'both' ? 'both sides' : `${side} side`}`;
      p.textContent = text;
      a.href = `${booking}?region=${key}`;
      this.dispatchEvent(new CustomEvent('region-select', { bubbles: true, composed: true, detail: { region: key } }));
    };
    root.addEventListener('click', (e) => { const g = e.target.closest('[data-target]'); if (g) select(g); });
    root.addEventListener('keydown', (e) => {
      const g = e.target.closest('[data-target]');
      if (g && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(g); }
    });
    this.dispatchEvent(new CustomEvent('map-ready', { bubbles: true, composed: true, detail: {} }));
  }
}
if (!customElements.get('plain-map')) customElements.define('plain-map', PlainMap);
