import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { isApiError } from '../../app/api/api-error'
import { formatDay } from '../../app/i18n/format'
import { BACK_OFFICE_NEWSLETTER_PATH } from '../../app/paths'
import { CheckboxGroup } from '../../app/ui/checkbox-group'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import { TextArea } from '../../app/ui/text-area'
import { TextField } from '../../app/ui/text-field'
import { usePageTitle } from '../../app/ui/use-page-title'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'
import { type DeskTopic, useCampaigns, useCreateCampaign, useDeskTopics } from './newsletter-desk-api'
import { NewsletterTopics } from './newsletter-topics'

interface Problems {
  subject?: string
  body?: string
  topics?: string
}

function NewCampaignForm({ topics }: { topics: DeskTopic[] }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateCampaign()
  const [subjectIt, setSubjectIt] = useState('')
  const [bodyIt, setBodyIt] = useState('')
  const [subjectEn, setSubjectEn] = useState('')
  const [bodyEn, setBodyEn] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [problems, setProblems] = useState<Problems>({})
  const language = i18n.language === 'en' ? 'en' : 'it'

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found: Problems = {}
    if (!subjectIt.trim()) found.subject = t('newsletterDesk.required')
    if (!bodyIt.trim()) found.body = t('newsletterDesk.required')
    if (chosen.length === 0) found.topics = t('newsletterDesk.topicsRequired')
    setProblems(found)
    if (Object.values(found).some(Boolean)) return
    const english = subjectEn.trim() && bodyEn.trim()
    create.mutate(
      {
        subject: { it: subjectIt.trim(), ...(english ? { en: subjectEn.trim() } : {}) },
        body: { it: bodyIt.trim(), ...(english ? { en: bodyEn.trim() } : {}) },
        topics: chosen,
      },
      {
        onSuccess: (campaign) => navigate(`${BACK_OFFICE_NEWSLETTER_PATH}/${campaign.id}`),
        onError: (error) => {
          if (isApiError(error)) setProblems({ topics: error.fieldError('topics') })
        },
      },
    )
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="civico-panel"
      aria-labelledby="new-campaign-title"
      data-testid="campaign-form"
    >
      <h2 id="new-campaign-title" className="h5">
        {t('newsletterDesk.newTitle')}
      </h2>
      <TextField
        label={t('newsletterDesk.subjectIt')}
        value={subjectIt}
        onChange={(e) => setSubjectIt(e.target.value)}
        error={problems.subject}
        maxLength={150}
      />
      <TextArea
        label={t('newsletterDesk.bodyIt')}
        hint={t('newsletterDesk.bodyHint')}
        value={bodyIt}
        onChange={(e) => setBodyIt(e.target.value)}
        error={problems.body}
        rows={8}
      />
      <TextField
        label={t('newsletterDesk.subjectEn')}
        hint={t('newsletterDesk.englishHint')}
        value={subjectEn}
        onChange={(e) => setSubjectEn(e.target.value)}
        maxLength={150}
      />
      <TextArea
        label={t('newsletterDesk.bodyEn')}
        value={bodyEn}
        onChange={(e) => setBodyEn(e.target.value)}
        rows={4}
      />
      <CheckboxGroup
        legend={t('newsletterDesk.topics')}
        options={topics
          .filter((topic) => topic.active)
          .map((topic) => ({
            value: topic.id,
            label: t('newsletterDesk.topicOption', {
              title: topic.title[language],
              count: topic.subscribers,
            }),
          }))}
        selected={chosen}
        onChange={setChosen}
        error={problems.topics}
      />
      <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
        {t('newsletterDesk.create')}
      </button>
      {create.isError && !Object.values(problems).some(Boolean) ? <ErrorAlert error={create.error} /> : null}
    </form>
  )
}

/** "Informami" for the communication office: the campaigns with their counts, a new one, the topics. */
export function CampaignsPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(useBackOfficeTitle(t('newsletterDesk.title')))
  const campaigns = useCampaigns()
  const topics = useDeskTopics()
  return (
    <BackOfficePage title={t('newsletterDesk.title')} lead={t('newsletterDesk.lead')} testId="campaigns">
      {campaigns.isPending || topics.isPending ? <LoadingState /> : null}
      {campaigns.isError ? (
        <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : null}
      {topics.isError ? <ErrorAlert error={topics.error} onRetry={() => void topics.refetch()} /> : null}
      {campaigns.data ? (
        <ScrollableTable
          label={t('newsletterDesk.campaigns')}
          caption={t('newsletterDesk.campaigns')}
          testId="campaigns-table"
        >
          <thead>
            <tr>
              <th scope="col">{t('newsletterDesk.subject')}</th>
              <th scope="col">{t('newsletterDesk.status')}</th>
              <th scope="col">{t('newsletterDesk.sent')}</th>
              <th scope="col">{t('newsletterDesk.failed')}</th>
              <th scope="col">{t('newsletterDesk.unsubscribed')}</th>
              <th scope="col">{t('newsletterDesk.created')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.data.length === 0 ? (
              <tr>
                <td colSpan={6}>{t('newsletterDesk.none')}</td>
              </tr>
            ) : null}
            {campaigns.data.map((campaign) => (
              <tr key={campaign.id}>
                <td>
                  <Link to={`${BACK_OFFICE_NEWSLETTER_PATH}/${campaign.id}`}>{campaign.subject.it}</Link>
                </td>
                <td>{t(`newsletterDesk.statuses.${campaign.status}`)}</td>
                <td>{campaign.counts.sent}</td>
                <td>{campaign.counts.failed}</td>
                <td>{campaign.counts.unsubscribed}</td>
                <td>{formatDay(campaign.createdAt.slice(0, 10), i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      ) : null}
      {topics.data ? (
        <>
          <NewCampaignForm topics={topics.data} />
          <NewsletterTopics topics={topics.data} />
        </>
      ) : null}
    </BackOfficePage>
  )
}
