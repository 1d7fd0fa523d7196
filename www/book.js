// Demo booking page: shows the parameters the widget's booking link carried.
const params = new URLSearchParams(location.search);
const show = (id, value) => { if (value) document.getElementById(id).textContent = value; };
show('region', params.get('region'));
show('side', params.get('side'));
show('utm', [...params].filter(([k]) => k.startsWith('utm_')).map(([k, v]) => `${k}=${v}`).join(', '));
