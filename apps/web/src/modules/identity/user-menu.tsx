import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { BACK_OFFICE_PATH, PERSONAL_AREA_PATH, PROFILE_PATH } from '../../app/paths'
import type { SignedInSession } from '../../app/session/session-api'
import { Icon } from '../../app/ui/icon'
import { useSignOut, useSignOutEverywhere } from './use-sign-out'

interface UserMenuProps {
  session: SignedInSession
  /** Colours of the band the button sits on. */
  tone?: 'header' | 'backOffice'
}

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const first = words[0]?.[0] ?? ''
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : ''
  return `${first}${last}`.toUpperCase() || '?'
}

/**
 * The signed-in person's name, opening a short list of links and the ways out. A disclosure rather
 * than an ARIA menu: plain links and buttons that Tab walks through, closed by Escape or by leaving.
 */
export function UserMenu({ session, tone = 'header' }: UserMenuProps) {
  const { t } = useTranslation()
  const location = useLocation()
  const listId = useId()
  const [isOpen, setIsOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const signOut = useSignOut()
  const signOutEverywhere = useSignOutEverywhere()
  const busy = signOut.isPending || signOutEverywhere.isPending
  const failure = signOut.error ?? signOutEverywhere.error

  // biome-ignore lint/correctness/useExhaustiveDependencies: following a link closes the list
  useEffect(() => {
    setIsOpen(false)
  }, [location.pathname])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && isOpen) {
      event.preventDefault()
      setIsOpen(false)
      buttonRef.current?.focus()
    }
  }
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setIsOpen(false)
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and focus leaving close the list
    <div className={`civico-user-menu civico-user-menu-${tone}`} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="civico-user-menu-button"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setIsOpen((open) => !open)}
        data-testid="user-menu-button"
      >
        <span className="civico-user-initials" aria-hidden="true">
          {initialsOf(session.displayName)}
        </span>
        <span className="civico-user-name">
          <span className="visually-hidden">{t('userMenu.label')} </span>
          {session.displayName}
        </span>
        <Icon name="it-expand" size="sm" className="civico-user-menu-chevron" />
      </button>
      <div id={listId} className="civico-user-menu-panel link-list-wrapper" hidden={!isOpen}>
        <ul className="link-list mb-0">
          {session.kind === 'citizen' ? (
            <>
              <li>
                <Link className="list-item" to={PERSONAL_AREA_PATH}>
                  <span>{t('userMenu.personalArea')}</span>
                </Link>
              </li>
              <li>
                <Link className="list-item" to={PROFILE_PATH}>
                  <span>{t('userMenu.profile')}</span>
                </Link>
              </li>
            </>
          ) : (
            <li>
              <Link className="list-item" to={BACK_OFFICE_PATH}>
                <span>{t('userMenu.backOffice')}</span>
              </Link>
            </li>
          )}
          <li>
            <span className="divider" aria-hidden="true" />
          </li>
          <li>
            <button type="button" className="list-item" disabled={busy} onClick={() => signOut.mutate()}>
              <span>{t('userMenu.signOut')}</span>
            </button>
          </li>
          <li>
            <button
              type="button"
              className="list-item"
              disabled={busy}
              onClick={() => signOutEverywhere.mutate()}
            >
              <span>{t('userMenu.signOutEverywhere')}</span>
            </button>
          </li>
        </ul>
        {failure ? (
          <p className="civico-user-menu-error" role="alert">
            {failure.message}
          </p>
        ) : null}
      </div>
    </div>
  )
}
