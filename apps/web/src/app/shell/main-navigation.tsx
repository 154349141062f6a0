import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, useLocation } from 'react-router'
import { Icon } from '../ui/icon'

type NavigationLabelKey = 'nav.management' | 'nav.news' | 'nav.services' | 'nav.live'

interface NavigationItem {
  to: string
  labelKey: NavigationLabelKey
  /** Attribute the national validator of municipal websites looks for. */
  dataElement: string
}

const NAVIGATION_ITEMS: NavigationItem[] = [
  { to: '/amministrazione', labelKey: 'nav.management', dataElement: 'management' },
  { to: '/novita', labelKey: 'nav.news', dataElement: 'news' },
  { to: '/servizi', labelKey: 'nav.services', dataElement: 'all-services' },
  { to: '/vivere-il-comune', labelKey: 'nav.live', dataElement: 'live' },
]

const MENU_ID = 'main-menu'
const FOCUSABLE = 'a[href], button:not([disabled])'

/**
 * The main menu: a bar on large screens, a side panel on phones. The panel behaves as a modal
 * dialog while open (focus kept inside, Escape or the backdrop closes it), as Bootstrap Italia's
 * own script does, but driven by React state.
 */
export function MainNavigation() {
  const { t } = useTranslation()
  const location = useLocation()
  const [isOpen, setIsOpen] = useState(false)
  // A frame after opening, so the slide-in transition runs from the closed position.
  const [isExpanded, setIsExpanded] = useState(false)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)

  const closeMenu = useCallback((returnFocus: boolean) => {
    setIsOpen(false)
    if (returnFocus) toggleRef.current?.focus()
  }, [])

  // Following a link closes the panel; the shell then moves focus to the new page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the path changes
  useEffect(() => {
    setIsOpen(false)
  }, [location.pathname])

  useEffect(() => {
    if (!isOpen) {
      setIsExpanded(false)
      return
    }
    const frame = requestAnimationFrame(() => {
      setIsExpanded(true)
      closeRef.current?.focus()
    })
    document.body.classList.add('navbar-open')
    return () => {
      cancelAnimationFrame(frame)
      document.body.classList.remove('navbar-open')
    }
  }, [isOpen])

  const onPanelKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!isOpen) return
    if (event.key === 'Escape') {
      event.preventDefault()
      closeMenu(true)
      return
    }
    if (event.key !== 'Tab' || !panelRef.current) return
    const focusable = Array.from(panelRef.current.querySelectorAll<HTMLElement>(FOCUSABLE))
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (!first || !last) return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  const shownWhileOpen = isOpen ? { display: 'block' } : undefined

  return (
    <div className="it-header-navbar-wrapper">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <nav className="navbar navbar-expand-lg has-megamenu" aria-label={t('header.mainNavigation')}>
              <button
                ref={toggleRef}
                className="custom-navbar-toggler"
                type="button"
                aria-controls={MENU_ID}
                aria-expanded={isOpen}
                onClick={() => setIsOpen(true)}
              >
                <Icon name="it-burger" />
                <span className="visually-hidden">{t('header.openMenu')}</span>
              </button>
              {/* biome-ignore lint/a11y/noStaticElementInteractions: keys are handled here to trap focus in the open panel */}
              {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is "dialog" whenever aria-modal is set */}
              <div
                ref={panelRef}
                id={MENU_ID}
                className={`navbar-collapsable${isExpanded ? ' expanded' : ''}`}
                style={shownWhileOpen}
                role={isOpen ? 'dialog' : undefined}
                aria-modal={isOpen ? true : undefined}
                aria-label={isOpen ? t('header.mainNavigation') : undefined}
                onKeyDown={onPanelKeyDown}
              >
                {/* The backdrop is a pointer convenience; keyboard users close with Escape or the button. */}
                {/* biome-ignore lint/a11y/useKeyWithClickEvents: the close button offers the same action by keyboard */}
                {/* biome-ignore lint/a11y/noStaticElementInteractions: decorative backdrop */}
                <div
                  className={`overlay${isOpen ? ' fade show' : ''}`}
                  style={shownWhileOpen}
                  onClick={() => closeMenu(true)}
                />
                <div className="close-div">
                  <button
                    ref={closeRef}
                    className="btn close-menu"
                    type="button"
                    onClick={() => closeMenu(true)}
                  >
                    <span className="visually-hidden">{t('header.closeMenu')}</span>
                    <Icon name="it-close-big" />
                  </button>
                </div>
                <div className="menu-wrapper">
                  <ul className="navbar-nav" data-element="main-navigation">
                    {NAVIGATION_ITEMS.map((item) => (
                      <li className="nav-item" key={item.to}>
                        <NavLink className="nav-link" to={item.to} data-element={item.dataElement}>
                          <span>{t(item.labelKey)}</span>
                        </NavLink>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </nav>
          </div>
        </div>
      </div>
    </div>
  )
}
