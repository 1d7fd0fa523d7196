// The configurator on embed.html: form -> live <lower-back-map> preview + ready-to-paste snippet.
// Runs under the page's strict CSP: no innerHTML (Trusted Types), no inline style; custom
// properties go through element.style.setProperty, which CSSOM allows.

const $ = (id) => document.getElementById(id);
const form = $('settings');
const preview = $('preview');
const snippet = $('snippet');
const copyButton = $('copy');
const copyStatus = $('copy-status');
const styleNote = $('style-note');
const contrast = $('contrast');
const previewLink = $('preview-link');
const producedLink = $('produced-link');
const snippetNeeds = $('snippet-needs');
const snippetBox = $('snippet-box');
const copyRow = $('copy-row');

/** Shown in the preview until the marketer types the clinic's own booking address. */
const EXAMPLE_BOOKING = 'https://www.clinic.example/book';
/** What each booking system does with the area, and where the note goes (src/booking.rs). */
const PROVIDERS = {
  link: {
    about: 'For your own booking page or form: the address gets ?region=ql&side=left, which your developer can read.',
  },
  calendly: {
    about: 'Calendly: the note for the therapist prefills the answer to one of your custom questions.',
    field: 'a1', placeholder: 'a1',
    hint: 'a1 is the first custom question of the event type, a2 the second, up to a10. Add a question such as "Where does it hurt?". Empty: a1.',
    check: (f) => /^a([1-9]|10)$/.test(f) ? '' : 'Calendly only prefills a1 to a10.',
  },
  acuity: {
    about: 'Acuity Scheduling: the note for the therapist prefills a field of your intake form.',
    placeholder: 'field:1234567',
    hint: 'Required: field: and the number Acuity gives the intake form question, for example field:1234567.',
    check: (f) => /^field:\d{1,12}$/.test(f) ? '' : (f ? 'Acuity fields are written field: and a number, as in field:1234567.' : 'Acuity needs the intake field, as in field:1234567.'),
  },
  calcom: {
    about: 'Cal.com: the note for the therapist goes into the booking\'s notes (or the question you name), and the area into its metadata.',
    field: 'notes', placeholder: 'notes',
    hint: 'The identifier of a booking question in Cal.com. Empty: notes, the booking\'s additional notes.',
    check: (f) => /^[A-Za-z][\w-]{0,63}$/.test(f) ? '' : 'Use a Cal.com question identifier: letters, digits, - and _.',
  },
};

const BOOK_LABEL = 'Book a Lower Back Relief session';
/** The widget's own defaults (src/dom/widget.css); only changed values go into the snippet. */
const DEFAULTS = {
  '--lbm-accent': '#1b6b73',
  '--lbm-accent-text': '#ffffff',
  '--lbm-region': '#c4563f',
  '--lbm-text': '#1c2a30',
  '--lbm-background': '#ffffff',
  '--lbm-skin': '#f5e3d7',
  '--lbm-bone': '#fbf8f1',
  '--lbm-outline': '#9a6d5a',
};
const COLOUR_INPUTS = ['accent', 'accent-text', 'region-colour', 'text', 'background', 'skin', 'bone', 'outline'].map($);
const field = {
  bookingUrl: $('booking-url'),
  clinicName: $('clinic-name'),
  region: $('region'),
  provider: $('booking-provider'),
  bookingField: $('booking-field'),
  analytics: [...form.querySelectorAll('input[name="analytics"]')],
  theme: $('theme'),
  lang: $('lang'),
  font: $('font'),
  scriptUrl: $('script-url'),
};

field.scriptUrl.value = new URL('lower-back-map.js', document.baseURI).href;

/** Text for an HTML attribute value in double quotes. */
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text for HTML element content. */
const text = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Why the map would refuse this booking link, or '' when it looks usable. A hint only: the map
 * checks again and has the last word (it keeps #book and names the problem in the console).
 */
function bookingProblem(raw) {
  const link = raw.replace(/[\t\n\r]/g, '').trim();
  if (!link) return '';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(link)?.[1]?.toLowerCase();
  if (scheme && !link.startsWith('#') && !['https', 'http', 'tel', 'mailto'].includes(scheme)) {
    return `"${scheme}:" links are not allowed; use https:, http:, tel:, mailto:, a page of your site or a #section.`;
  }
  if (/[\s"<>`]/.test(link)) return 'This is not an address: it has spaces, quotes or angle brackets.';
  if (scheme === 'http' || scheme === 'https') {
    let url = null;
    try { url = new URL(link); } catch { /* reported below */ }
    if (!url?.hostname) return 'This web address is not complete yet.';
  }
  return '';
}

/** A font-family list safe to put in a CSS rule inside a <style> block. */
function fontProblem(font) {
  return /[;{}<>\\]/.test(font) ? 'Use only font names and commas, as in Georgia, serif.' : '';
}

function setHint(input, problem) {
  const id = `${input.id}-problem`;
  let p = $(id);
  if (!problem) {
    p?.remove();
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', `${input.id}-hint`);
    return;
  }
  if (!p) {
    p = document.createElement('p');
    p.id = id;
    p.className = 'hint problem';
    input.closest('.field').append(p);
  }
  p.textContent = `${problem} The map would ignore it, so the snippet leaves it out.`;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', `${input.id}-hint ${id}`);
}

/** The settings as the form holds them, with unusable values dropped. */
function read() {
  const bookingUrl = field.bookingUrl.value.trim();
  const bookingBad = bookingProblem(bookingUrl);
  setHint(field.bookingUrl, bookingBad);
  const provider = field.provider.value;
  const about = PROVIDERS[provider];
  const fieldRow = $('booking-field-row');
  fieldRow.hidden = !about.check;
  $('booking-provider-hint').textContent = about.about;
  let bookingField = '';
  let fieldBad = '';
  if (about.check) {
    field.bookingField.placeholder = about.placeholder;
    $('booking-field-hint').textContent = about.hint;
    const typed = field.bookingField.value.trim();
    fieldBad = typed || !about.field ? about.check(typed) : '';
    bookingField = fieldBad || typed === about.field ? '' : typed;
  }
  setHint(field.bookingField, fieldBad && field.bookingField.value.trim() ? fieldBad : '');
  const font = field.font.value.trim();
  const fontBad = fontProblem(font);
  setHint(field.font, fontBad);
  const style = {};
  for (const input of COLOUR_INPUTS) {
    if (input.value.toLowerCase() !== DEFAULTS[input.name]) style[input.name] = input.value.toLowerCase();
  }
  if (font && !fontBad) style['--lbm-font'] = font;
  // Without an address the button leads nowhere; Acuity has no default field for the note.
  const needs = [];
  if (!bookingUrl || bookingBad) needs.push('the booking page\'s address, so that the booking button leads somewhere');
  if (fieldBad && provider === 'acuity') needs.push('the Acuity intake field (field: and its number), so that the therapist gets the note');
  return {
    attributes: {
      'booking-url': bookingBad ? '' : bookingUrl,
      // Acuity without its field would only warn in the console: wait for the field.
      'booking-provider': provider === 'link' || (provider === 'acuity' && fieldBad) ? '' : provider,
      'booking-field': bookingField,
      'clinic-name': field.clinicName.value.trim(),
      region: field.region.value,
      analytics: field.analytics.filter((c) => c.checked).map((c) => c.value).join(' '),
      theme: field.theme.value === 'light' ? '' : field.theme.value,
      lang: field.lang.value,
    },
    style,
    needs,
    scriptUrl: field.scriptUrl.value.trim() || 'lower-back-map.js',
  };
}

function snippetText({ attributes, style, scriptUrl }) {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v)
    .map(([k, v]) => ` ${k}="${attr(v)}"`)
    .join('');
  const fallback = attributes['booking-url'] || '#book';
  const lines = [
    `<script type="module" blocking="render" src="${attr(scriptUrl)}"></script>`,
    `<lower-back-map${attrs}><a href="${attr(fallback)}">${text(BOOK_LABEL)}</a></lower-back-map>`,
  ];
  const rules = Object.entries(style).map(([k, v]) => `${k}: ${v};`);
  if (rules.length) {
    lines.push(
      '<style>',
      '  /* On a page with a strict Content-Security-Policy, put this rule in the site\'s stylesheet. */',
      `  lower-back-map { ${rules.join(' ')} }`,
      '</style>',
    );
  }
  return lines.join('\n');
}

function applyStyle(style) {
  for (const name of [...Object.keys(DEFAULTS), '--lbm-font']) {
    if (style[name]) preview.style.setProperty(name, style[name]);
    else preview.style.removeProperty(name);
  }
}

function setAttributes(el, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value) {
      if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    } else if (el.hasAttribute(name)) {
      el.removeAttribute(name);
    }
  }
}

let bookingConfig = '';
/**
 * The preview shows the settings; until there is a booking address, it uses an example one.
 * Booking system and field go in together through the config property: as two attributes, one
 * would change first and the map would briefly see (and warn about) a mismatched pair.
 */
function applyAttributes(attributes) {
  const { 'booking-provider': provider, 'booking-field': field, ...rest } = attributes;
  const config = {};
  if (provider) config.bookingProvider = provider;
  if (field) config.bookingField = field;
  if (JSON.stringify(config) !== bookingConfig) {
    bookingConfig = JSON.stringify(config);
    preview.config = config;
  }
  setAttributes(preview, { ...rest, 'booking-url': rest['booking-url'] || EXAMPLE_BOOKING });
}

/** Beside the booking system: the link a visitor books through, as the preview has it now. */
function showProducedLink() {
  const href = preview.bookingHref;
  if (href === undefined) return;
  const chosen = preview.shadowRoot?.querySelector('.panel.is-active[data-region] h2')?.textContent;
  producedLink.textContent = chosen
    ? `With “${chosen}” chosen in the preview, the booking button opens: ${href}`
    : 'Choose an area in the preview to see the link a visitor books through.';
}

// --- colour contrast (WCAG 2 relative luminance) ---
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function ratio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
function showContrast() {
  const [accent, onAccent, region, ink, paper, skin] = COLOUR_INPUTS.map((i) => i.value);
  const problems = [];
  const button = ratio(accent, onAccent);
  const body = ratio(ink, paper);
  if (button < 4.5) problems.push(`the booking button's text on the accent is ${button.toFixed(1)} to 1 (aim for 4.5 to 1)`);
  if (body < 4.5) problems.push(`text on the background is ${body.toFixed(1)} to 1 (aim for 4.5 to 1)`);
  // Areas must stand out from the skin they are drawn on (WCAG non-text contrast, 3 to 1).
  const areas = ratio(region, skin);
  const chosen = ratio(accent, skin);
  if (areas < 3) problems.push(`the areas on the skin are ${areas.toFixed(1)} to 1 (aim for 3 to 1)`);
  if (chosen < 3) problems.push(`the selected area on the skin is ${chosen.toFixed(1)} to 1 (aim for 3 to 1)`);
  contrast.textContent = problems.length ? `Hard to see: ${problems.join('; ')}.` : '';
}

function showPreviewLink() {
  const href = preview.bookingHref;
  previewLink.textContent = href ? `In the preview, the booking button leads to ${href}` : '';
  showProducedLink();
}

let timer;
/** Snippet and colours at once; attributes after a short pause, so half-typed addresses are not tried. */
function update({ now = false } = {}) {
  const settings = read();
  const ready = settings.needs.length === 0;
  snippet.textContent = ready ? snippetText(settings) : '';
  snippetBox.hidden = !ready;
  copyRow.hidden = !ready;
  snippetNeeds.textContent = ready ? '' : `The snippet appears once you enter ${settings.needs.join(', and ')}.`;
  styleNote.hidden = Object.keys(settings.style).length === 0;
  applyStyle(settings.style);
  showContrast();
  copyStatus.textContent = '';
  clearTimeout(timer);
  const apply = () => { applyAttributes(settings.attributes); showPreviewLink(); };
  if (now) apply();
  else timer = setTimeout(apply, 250);
}

form.addEventListener('input', (e) => update({ now: e.target.type !== 'text' }));
form.addEventListener('change', () => update({ now: true }));
form.addEventListener('submit', (e) => { e.preventDefault(); update({ now: true }); });
$('reset-colours').addEventListener('click', () => {
  for (const input of COLOUR_INPUTS) input.value = DEFAULTS[input.name];
  field.font.value = '';
  update({ now: true });
});

// The preview's booking button would leave this page and lose the settings: show where it goes.
preview.addEventListener('booking-click', (e) => {
  previewLink.textContent = `The booking button would open ${e.detail.href} (links do not open in the preview).`;
});
preview.addEventListener('click', (e) => {
  if (e.composedPath().some((el) => el instanceof Element && el.matches('a.book'))) e.preventDefault();
});
preview.addEventListener('region-select', showPreviewLink);
preview.addEventListener('map-ready', showPreviewLink);

copyButton.addEventListener('click', async () => {
  const value = snippet.textContent;
  try {
    await navigator.clipboard.writeText(value);
    copyStatus.textContent = 'Copied';
  } catch {
    // No clipboard access (an http page, or permission refused): select the text instead.
    const range = document.createRange();
    range.selectNodeContents(snippet);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    copyStatus.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy';
  }
});

update({ now: true });
