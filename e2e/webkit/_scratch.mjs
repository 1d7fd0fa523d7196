import { Builder, By, Key, until } from 'selenium-webdriver';
import { serve } from '../browser.mjs';
const server = await serve('www');
const caps = {
  browserName: 'MiniBrowser',
  'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] },
};
const driver = await new Builder().usingServer(process.env.WEBKIT_DRIVER_URL).withCapabilities(caps).build();
try {
  console.log(await driver.getCapabilities().then(c => JSON.stringify(Object.fromEntries(c.keys ? [...c.keys()].map(k=>[k,c.get(k)]) : []))));
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  await driver.get(server.url);
  const host = await driver.findElement(By.css('lower-back-map'));
  await driver.wait(async () => { try { const r = await host.getShadowRoot(); await r.findElement(By.css('[data-target="ql-left"]')); return true; } catch { return false; } }, 10000);
  const root = await host.getShadowRoot();
  console.log('ua', await driver.executeScript('return navigator.userAgent'));
  const focused = () => driver.executeScript(`let el = document.activeElement; while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement; return [el?.tagName, el?.getAttribute('data-target'), el?.getAttribute('class'), el?.textContent?.trim().slice(0,40)].join(' | ');`);
  for (let i = 0; i < 12; i++) {
    await driver.actions().sendKeys(Key.TAB).perform();
    console.log(i, await focused());
  }
} finally { await driver.quit(); server.stop(); }
