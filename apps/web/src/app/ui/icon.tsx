import spriteUrl from 'bootstrap-italia/dist/svg/sprites.svg?url'

/** The Bootstrap Italia icons the interface uses; extend the list when a new one is needed. */
export type IconName =
  | 'it-arrow-right'
  | 'it-burger'
  | 'it-calendar'
  | 'it-car'
  | 'it-close-big'
  | 'it-delete'
  | 'it-external-link'
  | 'it-files'
  | 'it-info-circle'
  | 'it-mail'
  | 'it-map-marker'
  | 'it-pa'
  | 'it-search'
  | 'it-telephone'
  | 'it-user'
  | 'it-warning-circle'
  | 'it-card'
  | 'it-check-circle'
  | 'it-copy'
  | 'it-expand'
  | 'it-folder'
  | 'it-locked'
  | 'it-bookmark'
  | 'it-chart-line'
  | 'it-note'
  | 'it-inbox'
  | 'it-pencil'
  | 'it-settings'
  | 'it-clock'
  | 'it-chevron-right'
  | 'it-download'
  | 'it-print'
  | 'it-comment'

interface IconProps {
  name: IconName
  className?: string
  size?: 'xs' | 'sm' | 'lg' | 'xl'
  color?: 'primary' | 'secondary' | 'white' | 'light' | 'success' | 'warning' | 'danger'
  /** Only for icons that carry meaning on their own; most icons sit next to text and stay hidden. */
  title?: string
}

/** An icon from the Bootstrap Italia sprite, served as a file so one download serves every icon. */
export function Icon({ name, className, size, color, title }: IconProps) {
  const classes = ['icon', size && `icon-${size}`, color && `icon-${color}`, className]
    .filter(Boolean)
    .join(' ')
  return (
    <svg
      className={classes}
      focusable="false"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
      aria-label={title}
    >
      <use href={`${spriteUrl}#${name}`} />
    </svg>
  )
}
