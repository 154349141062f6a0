import path from 'node:path'

/** The repository root, where the server is started from. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..')

/** Where journeys leave their screenshots for people to look at (ignored by git). */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../screenshots')

export const WEB_DIST_INDEX = path.join(REPO_ROOT, 'apps/web/dist/index.html')
