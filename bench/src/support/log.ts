/** Progress goes to stderr so stdout carries only the one JSON result line. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`)
}
