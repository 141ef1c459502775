// verify.js MD JSON MERMAID_JS: render each Mermaid block of MD with
// MERMAID_JS (mermaid.min.js) in Debian's Chromium and compare the texts
// Mermaid shows (title, sections, tasks, actors) with those gen.py
// expects.  Run by run.sh, which says where puppeteer-core is.
const puppeteer = require('puppeteer-core');
const fs = require('fs');
(async () => {
  const md = fs.readFileSync(process.argv[2], 'utf8');
  const expect = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
  const js = process.argv[4];
  const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1]);
  const browser = await puppeteer.launch({executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync']});
  const page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html><body><div id="o"></div></body></html>');
  await page.addScriptTag({path: js});
  await page.evaluate(() => mermaid.initialize({startOnLoad: false}));
  let bad = 0;
  for (let i = 0; i < blocks.length; i++) {
    const got = await page.evaluate(async (t, n) => {
      try {
        const {svg} = await mermaid.render('m' + n, t);
        const o = document.getElementById('o');
        o.innerHTML = svg;
        const tx = (sel) => [...o.querySelectorAll(sel)].map(e => e.textContent);
        return {title: tx('text[font-size="4ex"]'), sections: tx('.section text, text.section'),
          all: [...o.querySelectorAll('text')].map(e => e.textContent)};
      } catch (e) { return {err: String(e.message || e)}; }
    }, blocks[i], i);
    const e = expect[i];
    const want = [e.title, ...e.sections, ...e.tasks, ...e.actors].map(s => s.trim()).sort();
    const have = got.err ? ['ERROR ' + got.err] : got.all.map(s => s.trim()).filter(s => s !== '').sort();
    const w = JSON.stringify(want), h = JSON.stringify(have);
    if (w !== h) { bad++; if (bad <= 5) console.log('block ' + i + '\n want ' + w + '\n have ' + h + '\n' + blocks[i]); }
  }
  console.log(blocks.length + ' diagrams, ' + bad + ' differ');
  await browser.close();
  process.exit(bad ? 1 : 0);
})();
