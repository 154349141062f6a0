import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../app/ui/error-alert'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import { TextField } from '../../app/ui/text-field'
import { type DeskTopic, useCreateTopic, useSwitchTopic } from './newsletter-desk-api'

/** Lower-case words joined by hyphens, from the Italian title: "Sport e tempo libero" → "sport-e-tempo-libero". */
function codeFrom(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
}

function NewTopicForm() {
  const { t } = useTranslation()
  const create = useCreateTopic()
  const [titleIt, setTitleIt] = useState('')
  const [titleEn, setTitleEn] = useState('')
  const [descriptionIt, setDescriptionIt] = useState('')
  const [descriptionEn, setDescriptionEn] = useState('')
  const [missing, setMissing] = useState(false)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const values = [titleIt, titleEn, descriptionIt, descriptionEn].map((value) => value.trim())
    if (values.some((value) => !value) || !codeFrom(titleIt)) return setMissing(true)
    setMissing(false)
    create.mutate(
      {
        id: codeFrom(titleIt),
        title: { it: titleIt.trim(), en: titleEn.trim() },
        description: { it: descriptionIt.trim(), en: descriptionEn.trim() },
      },
      {
        onSuccess: () => {
          setTitleIt('')
          setTitleEn('')
          setDescriptionIt('')
          setDescriptionEn('')
        },
      },
    )
  }
  const required = missing ? t('newsletterDesk.required') : undefined
  return (
    <form onSubmit={onSubmit} noValidate className="civico-panel" aria-labelledby="new-topic-title">
      <h3 id="new-topic-title" className="h6">
        {t('newsletterDesk.newTopic')}
      </h3>
      <TextField
        label={t('newsletterDesk.topicTitleIt')}
        value={titleIt}
        onChange={(e) => setTitleIt(e.target.value)}
        error={!titleIt.trim() ? required : undefined}
        maxLength={80}
      />
      <TextField
        label={t('newsletterDesk.topicTitleEn')}
        value={titleEn}
        onChange={(e) => setTitleEn(e.target.value)}
        error={!titleEn.trim() ? required : undefined}
        maxLength={80}
      />
      <TextField
        label={t('newsletterDesk.topicDescriptionIt')}
        value={descriptionIt}
        onChange={(e) => setDescriptionIt(e.target.value)}
        error={!descriptionIt.trim() ? required : undefined}
        maxLength={300}
      />
      <TextField
        label={t('newsletterDesk.topicDescriptionEn')}
        value={descriptionEn}
        onChange={(e) => setDescriptionEn(e.target.value)}
        error={!descriptionEn.trim() ? required : undefined}
        maxLength={300}
      />
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={create.isPending}>
        {t('newsletterDesk.addTopic')}
      </button>
      {create.isError ? <ErrorAlert error={create.error} /> : null}
    </form>
  )
}

/** The topics people subscribe to, their confirmed subscribers, and retiring or adding one. */
export function NewsletterTopics({ topics }: { topics: DeskTopic[] }) {
  const { t, i18n } = useTranslation()
  const toggle = useSwitchTopic()
  const language = i18n.language === 'en' ? 'en' : 'it'
  return (
    <section className="mt-4" aria-labelledby="topics-title">
      <h2 id="topics-title" className="h5">
        {t('newsletterDesk.topicsTitle')}
      </h2>
      <ScrollableTable
        label={t('newsletterDesk.topicsTitle')}
        caption={t('newsletterDesk.topicsCaption')}
        testId="topics-table"
      >
        <thead>
          <tr>
            <th scope="col">{t('newsletterDesk.topic')}</th>
            <th scope="col">{t('newsletterDesk.subscribers')}</th>
            <th scope="col">{t('newsletterDesk.status')}</th>
            <th scope="col">{t('newsletterDesk.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => (
            <tr key={topic.id}>
              <td>{topic.title[language]}</td>
              <td>{topic.subscribers.toLocaleString(i18n.language)}</td>
              <td>{t(topic.active ? 'newsletterDesk.topicActive' : 'newsletterDesk.topicRetired')}</td>
              <td>
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  disabled={toggle.isPending}
                  onClick={() => toggle.mutate(topic)}
                >
                  {t(topic.active ? 'newsletterDesk.retire' : 'newsletterDesk.restore')}
                  <span className="visually-hidden"> {topic.title[language]}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
      {toggle.isError ? <ErrorAlert error={toggle.error} /> : null}
      <NewTopicForm />
    </section>
  )
}
