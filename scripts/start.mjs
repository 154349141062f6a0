// `npm start`: builds the web app when its sources changed, then runs the platform on embedded
// defaults (PGlite in ./data, in-process workers, a seeded demo city on first run).
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const web = path.join(root, 'apps/web')
const builtIndex = path.join(web, 'dist/index.html')

function newestChange(entry) {
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)))
  return newest
}

function webNeedsBuild() {
  if (!fs.existsSync(builtIndex)) return true
  const sources = ['src', 'index.html', 'vite.config.ts', 'public']
    .map((name) => path.join(web, name))
    .filter((entry) => fs.existsSync(entry))
  return Math.max(...sources.map(newestChange)) > fs.statSync(builtIndex).mtimeMs
}

if (webNeedsBuild()) {
  console.log('Building the web app…')
  const build = spawnSync('npm', ['run', 'build', '-w', '@civico/web'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const server = spawn(
  path.join(root, 'node_modules/.bin/tsx'),
  [path.join(root, 'apps/server/src/main.ts'), 'serve', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? root } },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
