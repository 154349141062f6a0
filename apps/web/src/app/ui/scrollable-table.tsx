import type { ReactNode } from 'react'

interface ScrollableTableProps {
  /** Names the scrolling region for screen readers; usually the page's subject. */
  label: string
  caption: string
  children: ReactNode
  testId?: string
}

/**
 * A table that scrolls sideways on narrow screens. The scrolling box takes keyboard focus so the
 * columns out of view can be reached with the arrow keys too (WCAG 2.1.1).
 */
export function ScrollableTable({ label, caption, children, testId }: ScrollableTableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-responsive civico-table-region" tabIndex={0} aria-label={label}>
      <table className="table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </section>
  )
}
