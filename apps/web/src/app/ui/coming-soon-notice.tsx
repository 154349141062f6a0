import { Callout, CalloutText, CalloutTitle } from 'design-react-kit'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Icon } from './icon'

interface ComingSoonNoticeProps {
  title?: string
  children?: ReactNode
}

/** Says plainly that a page is not ready yet and offers a way back. */
export function ComingSoonNotice({ title, children }: ComingSoonNoticeProps) {
  const { t } = useTranslation()
  return (
    <Callout color="note">
      <CalloutTitle>
        <Icon name="it-info-circle" />
        <span className="text">{title ?? t('placeholder.title')}</span>
      </CalloutTitle>
      <CalloutText>{children ?? t('placeholder.text')}</CalloutText>
      <CalloutText>
        <Link to="/">{t('common.backHome')}</Link>
      </CalloutText>
    </Callout>
  )
}
