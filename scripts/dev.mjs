// `npm run dev`: the API restarting on change and Vite's dev server with hot reload, side by side.
import { spawn } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const children = [
  spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    ['watch', path.join(root, 'apps/server/src/main.ts'), 'serve'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? root },
    },
  ),
  spawn('npm', ['run', 'dev', '-w', '@civico/web'], { cwd: root, stdio: 'inherit' }),
]
console.log('API on http://localhost:3000, web app with hot reload on http://localhost:5173')
const stopAll = (signal) => {
  for (const child of children) child.kill(signal)
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal))
for (const child of children)
  child.on('exit', (code) => {
    stopAll('SIGTERM')
    process.exitCode = code ?? 0
  })
