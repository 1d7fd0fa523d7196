// The whole baseline: pick a region, show its text, say when the map is ready.
const TEXT = {
  ql: ['Quadratus lumborum', 'A deep ache between the lowest rib and the hip bone.'],
  'si-joint': ['Sacroiliac joint', 'Pain at the dimples where the spine meets the pelvis.'],
  glutes: ['Glutes', 'Tight hip muscles that pull on the lower back.'],
  psoas: ['Psoas', 'A deep hip flexor in front of the spine.'],
};
const map = document.getElementById('map');
const regions = [...map.querySelectorAll('[data-target]')];
const [h2, p] = document.querySelector('.panel').children;

function select(g) {
  const key = g.dataset.target;
  const side = key.match(/(left|right|both)$/)[1];
  const [name, text] = TEXT[key.slice(0, -side.length - 1)];
  for (const r of regions) r.setAttribute('aria-pressed', r === g);
  h2.textContent = `${name}, ${side === 'both' ? 'both sides' : `${side} side`}`;
  p.textContent = text;
}

map.addEventListener('click', (e) => {
  const g = e.target.closest('[data-target]');
  if (g) select(g);
});
map.addEventListener('keydown', (e) => {
  const g = e.target.closest('[data-target]');
  if (g && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(g); }
});
map.dispatchEvent(new CustomEvent('map-ready', { bubbles: true }));
