import { useTranslation } from 'react-i18next'
import { TextArea } from '../../app/ui/text-area'
import { TextField } from '../../app/ui/text-field'
import type { ServiceSectionsDraft } from './catalogue-editor-api'

type Language = 'it' | 'en'

/** Lists (steps, documents needed) are edited one item per line. */
function lines(items: readonly string[]): string {
  return items.join('\n')
}

function toItems(text: string): string[] {
  return text.split('\n')
}

/** The eight sections of a service page in one language. */
export function ServiceSectionsFields({
  language,
  sections,
  onChange,
  errorOf,
}: {
  language: Language
  sections: ServiceSectionsDraft
  onChange: (sections: ServiceSectionsDraft) => void
  errorOf: (field: string) => string | undefined
}) {
  const { t } = useTranslation()
  const label = (key: string) => t(`catalogue.page.sections.${key}` as never)
  const set = <K extends keyof ServiceSectionsDraft>(key: K, value: ServiceSectionsDraft[K]) =>
    onChange({ ...sections, [key]: value })
  const path = (field: string) => `sections.${language}.${field}`
  return (
    <fieldset className="civico-field" lang={language}>
      <legend className="h5">{t(`backOffice.services.sectionsIn.${language}`)}</legend>
      <TextArea
        label={label('whoIsItFor')}
        value={sections.whoIsItFor}
        onChange={(e) => set('whoIsItFor', e.target.value)}
        error={errorOf(path('whoIsItFor'))}
      />
      <TextArea
        label={label('howTo')}
        hint={t('backOffice.services.oneItemPerLine')}
        rows={4}
        value={lines(sections.howTo)}
        onChange={(e) => set('howTo', toItems(e.target.value))}
        error={errorOf(path('howTo'))}
      />
      <TextArea
        label={label('whatYouNeed')}
        hint={t('backOffice.services.oneItemPerLine')}
        rows={4}
        value={lines(sections.whatYouNeed)}
        onChange={(e) => set('whatYouNeed', toItems(e.target.value))}
        error={errorOf(path('whatYouNeed'))}
      />
      <TextArea
        label={label('whatYouGet')}
        value={sections.whatYouGet}
        onChange={(e) => set('whatYouGet', e.target.value)}
        error={errorOf(path('whatYouGet'))}
      />
      <TextArea
        label={label('timesAndDeadlines')}
        value={sections.timesAndDeadlines}
        onChange={(e) => set('timesAndDeadlines', e.target.value)}
        error={errorOf(path('timesAndDeadlines'))}
      />
      <TextField
        label={t('backOffice.services.accessLabel')}
        value={sections.access.label}
        onChange={(e) => set('access', { ...sections.access, label: e.target.value })}
        error={errorOf(path('access.label'))}
      />
      <TextField
        label={t('backOffice.services.accessUrl')}
        value={sections.access.url}
        onChange={(e) => set('access', { ...sections.access, url: e.target.value })}
        error={errorOf(path('access.url'))}
      />
      <TextArea
        label={label('conditions')}
        value={sections.conditions}
        onChange={(e) => set('conditions', e.target.value)}
        error={errorOf(path('conditions'))}
      />
      <TextField
        label={t('backOffice.services.office')}
        value={sections.contacts.office}
        onChange={(e) => set('contacts', { ...sections.contacts, office: e.target.value })}
        error={errorOf(path('contacts.office'))}
      />
      <TextField
        label={t('backOffice.services.phone')}
        value={sections.contacts.phone ?? ''}
        onChange={(e) => set('contacts', { ...sections.contacts, phone: e.target.value || undefined })}
        error={errorOf(path('contacts.phone'))}
      />
      <TextField
        label={t('backOffice.services.email')}
        type="email"
        value={sections.contacts.email ?? ''}
        onChange={(e) => set('contacts', { ...sections.contacts, email: e.target.value || undefined })}
        error={errorOf(path('contacts.email'))}
      />
    </fieldset>
  )
}
