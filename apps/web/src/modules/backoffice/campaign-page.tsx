import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { BACK_OFFICE_NEWSLETTER_PATH } from '../../app/paths'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ModalDialog } from '../../app/ui/modal-dialog'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { type Campaign, useCampaign, useSendCampaign } from './newsletter-desk-api'

function Counts({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation()
  const entries = [
    ['recipients', campaign.recipients ?? 0],
    ['queued', campaign.counts.queued],
    ['sent', campaign.counts.sent],
    ['failed', campaign.counts.failed],
    ['skipped', campaign.counts.skipped],
    ['unsubscribed', campaign.counts.unsubscribed],
  ] as const
  return (
    <dl className="civico-counts" data-testid="campaign-counts">
      {entries.map(([key, value]) => (
        <div key={key} data-count={key}>
          <dt>{t(`newsletterDesk.${key}`)}</dt>
          <dd>{value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  )
}

/** One campaign: its preview, where it stands, and — while it is a draft — the button to send it. */
export function CampaignPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const campaign = useCampaign(id)
  const send = useSendCampaign(id)
  const [confirming, setConfirming] = useState(false)
  const title = campaign.data?.subject.it ?? t('newsletterDesk.title')
  const preview = campaign.data?.previewHtml ?? ''
  usePageTitle(useBackOfficeTitle(title))
  return (
    <BackOfficePage title={title} testId="campaign">
      <p>
        <Link to={BACK_OFFICE_NEWSLETTER_PATH}>{t('newsletterDesk.back')}</Link>
      </p>
      {campaign.isPending ? <LoadingState /> : null}
      {campaign.isError ? (
        <ErrorAlert error={campaign.error} onRetry={() => void campaign.refetch()} />
      ) : null}
      {campaign.data ? (
        <>
          <p>
            <span className="badge bg-primary" data-testid="campaign-status" role="status">
              {t(`newsletterDesk.statuses.${campaign.data.status}`)}
            </span>
          </p>
          {campaign.data.status !== 'draft' ? <Counts campaign={campaign.data} /> : null}
          <section className="civico-panel" aria-labelledby="preview-title">
            <h2 id="preview-title" className="h5">
              {t('newsletterDesk.preview')}
            </h2>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders markdown with raw HTML off */}
            <div className="civico-message-body" dangerouslySetInnerHTML={{ __html: preview }} />
          </section>
          {campaign.data.status === 'draft' ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setConfirming(true)}
              disabled={send.isPending}
            >
              {t('newsletterDesk.send')}
            </button>
          ) : null}
          {send.isError ? <ErrorAlert error={send.error} /> : null}
          <ModalDialog
            open={confirming}
            title={t('newsletterDesk.confirmTitle')}
            onDismiss={() => setConfirming(false)}
            testId="send-dialog"
            actions={
              <>
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  onClick={() => setConfirming(false)}
                >
                  {t('newsletterDesk.cancel')}
                </button>
                <button
                  type="button"
                  className="btn btn-primary btn-sm"
                  onClick={() => {
                    setConfirming(false)
                    send.mutate()
                  }}
                >
                  {t('newsletterDesk.sendNow')}
                </button>
              </>
            }
          >
            <p>{t('newsletterDesk.confirmText', { topics: campaign.data.topics.join(', ') })}</p>
          </ModalDialog>
        </>
      ) : null}
    </BackOfficePage>
  )
}
