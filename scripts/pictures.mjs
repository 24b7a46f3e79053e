// README pictures: the pull request comment and the job summary the action posts for the bundled example
// (examples/hub-spoke), rendered the way GitHub shows them (GFM with github-markdown-css, Mermaid
// diagrams) in headless Chromium, into docs/images/*.png. Rerun after a change to the reports
// (`npm run pictures`) so the pictures stay true; CI does not run it (it needs Chromium:
// `apt-get install chromium`, or CHROMIUM=/path/to/chrome).
//
// The markdown comes from the action's own functions (scripts/pictures-markdown.ts, bundled here with
// ncc like the action); marked renders it as GFM, and Mermaid is loaded from node_modules as a file.
/* global document, window -- the page side of page.evaluate runs in Chromium */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { marked } from 'marked'
import puppeteer from 'puppeteer-core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'docs', 'images')
const WIDTH = 1280
const HEIGHT = 800

function chromium() {
  const candidates = [
    process.env.CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]
  const found = candidates.find((c) => c && existsSync(c))
  if (!found) throw new Error('no Chromium found: apt-get install chromium, or set CHROMIUM=/path/to/chrome')
  return found
}

/** { comment, summary }: the action's markdown for the example. */
function markdown() {
  const dir = mkdtempSync(join(tmpdir(), 'kms-pictures-'))
  try {
    const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
    execFileSync(
      process.execPath,
      [ncc, 'build', 'scripts/pictures-markdown.ts', '-o', dir, '--quiet', '--transpile-only'],
      { cwd: root, stdio: 'inherit' },
    )
    return JSON.parse(execFileSync(process.execPath, [join(dir, 'index.js'), root], { encoding: 'utf8' }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** GitHub's look: the markdown-body column of a comment or summary, on a white page. */
function page(html) {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; background: #fff; }
  .frame { width: ${WIDTH - 2 * 24}px; margin: 16px 24px; border: 1px solid #d0d7de; border-radius: 6px; }
  .frame > header { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; font: 14px -apple-system, "Segoe UI", sans-serif; color: #57606a; border-radius: 6px 6px 0 0; }
  .markdown-body { box-sizing: border-box; padding: 16px 24px; }
  </style></head><body><div class="frame"><header id="title"></header><article class="markdown-body">${html}</article></div></body></html>`
}

async function shoot(browser, md, title, file, open = []) {
  const tab = await browser.newPage()
  await tab.setViewport({ width: WIDTH, height: HEIGHT, deviceScaleFactor: 1 })
  await tab.setContent(page(marked.parse(md, { gfm: true })), { waitUntil: 'load' })
  await tab.addStyleTag({
    path: join(root, 'node_modules', 'github-markdown-css', 'github-markdown-light.css'),
  })
  await tab.addScriptTag({ path: join(root, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') })
  await tab.evaluate(
    async (title, open) => {
      document.getElementById('title').textContent = title
      // GitHub draws ```mermaid blocks as diagrams.
      const nodes = [...document.querySelectorAll('pre > code.language-mermaid')].map((code) => {
        const div = document.createElement('div')
        div.className = 'mermaid'
        div.textContent = code.textContent
        code.parentElement.replaceWith(div)
        return div
      })
      window.mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' })
      // Details to show open (their <summary> starts with one of `open`); the rest stay folded, as GitHub shows them.
      for (const d of document.querySelectorAll('details')) {
        const s = d.querySelector('summary')?.textContent ?? ''
        if (open.some((o) => s.startsWith(o))) d.open = true
      }
      if (nodes.length > 0) await window.mermaid.run({ nodes })
    },
    title,
    open,
  )
  const frame = await tab.$('.frame')
  await frame.screenshot({ path: join(out, file) })
  await tab.close()
  console.log(`wrote docs/images/${file}`)
}

const { comment, summary } = markdown()
mkdirSync(out, { recursive: true })
const browser = await puppeteer.launch({
  executablePath: chromium(),
  headless: true,
  // As root (containers) Chromium needs --no-sandbox; the page is our own markdown, nothing from the network.
  args: ['--no-sandbox', '--disable-gpu'],
})
try {
  await shoot(browser, comment, 'github-actions commented', 'pr-comment.png')
  await shoot(browser, summary, 'Azure KMS Guard summary', 'job-summary.png', [
    'Paths KMS traffic takes',
    'Scan',
  ])
} finally {
  await browser.close()
}
