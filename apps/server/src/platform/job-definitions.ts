import type { AppDependencies } from './http/dependencies.js'

/**
 * Each capability's jobs are defined here, before the queue starts, so API processes can enqueue
 * them and worker processes can run them.
 */
export function registerJobDefinitions(_deps: AppDependencies): void {}
