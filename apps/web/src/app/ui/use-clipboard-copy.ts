import { useState } from 'react'

/** Copies a text to the clipboard and says how it went; without permission the text stays selectable. */
export function useClipboardCopy(text: string) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return { state, copy }
}
