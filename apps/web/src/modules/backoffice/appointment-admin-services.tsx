import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import { TextArea } from '../../app/ui/text-area'
import { TextField } from '../../app/ui/text-field'
import {
  type AdminService,
  type ServiceInput,
  useAdminServices,
  useDeleteService,
  useSaveService,
} from './appointment-admin-api'
import { ConfirmDelete, type SectionProps } from './appointment-admin-fields'

const NUMBER_FIELDS = ['durationMinutes', 'maxActivePerCitizen', 'minNoticeHours', 'maxDaysAhead'] as const
type NumberField = (typeof NUMBER_FIELDS)[number]
type Field = 'name' | 'documentsToBring' | NumberField
type Problems = Partial<Record<Field, string>>

/** The same limits the server keeps: a field is refused here before the round trip. */
const LIMITS: Record<NumberField, { min: number; max: number; step: number }> = {
  durationMinutes: { min: 5, max: 480, step: 5 },
  maxActivePerCitizen: { min: 1, max: 20, step: 1 },
  minNoticeHours: { min: 0, max: 720, step: 1 },
  maxDaysAhead: { min: 1, max: 365, step: 1 },
}

function numberProblem(field: NumberField, typed: string): boolean {
  const { min, max, step } = LIMITS[field]
  if (!/^\d+$/.test(typed.trim())) return true
  const value = Number(typed)
  return value < min || value > max || value % step !== 0
}

function ServiceForm({
  service,
  announce,
  onClose,
}: {
  service?: AdminService
  announce: SectionProps['announce']
  onClose?: () => void
}) {
  const { t } = useTranslation()
  const save = useSaveService()
  const [name, setName] = useState(service?.name ?? '')
  const [documents, setDocuments] = useState(service?.documentsToBring.join('\n') ?? '')
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    durationMinutes: String(service?.durationMinutes ?? 15),
    maxActivePerCitizen: String(service?.maxActivePerCitizen ?? 1),
    minNoticeHours: String(service?.minNoticeHours ?? 2),
    maxDaysAhead: String(service?.maxDaysAhead ?? 60),
  })
  const [problems, setProblems] = useState<Problems>({})
  const titleId = service ? `service-form-${service.id}` : 'service-form-new'

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found: Problems = {}
    if (!name.trim()) found.name = t('appointmentsAdmin.required')
    for (const field of NUMBER_FIELDS)
      if (numberProblem(field, numbers[field])) found[field] = t(`appointmentsAdmin.services.${field}Invalid`)
    setProblems(found)
    if (Object.values(found).some(Boolean)) return
    const input: ServiceInput = {
      name: name.trim(),
      documentsToBring: documents
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      durationMinutes: Number(numbers.durationMinutes),
      maxActivePerCitizen: Number(numbers.maxActivePerCitizen),
      minNoticeHours: Number(numbers.minNoticeHours),
      maxDaysAhead: Number(numbers.maxDaysAhead),
    }
    save.mutate(
      { id: service?.id, ...input },
      {
        onSuccess: (saved) => {
          announce(
            t(service ? 'appointmentsAdmin.services.updated' : 'appointmentsAdmin.services.created', {
              name: saved.name,
            }),
          )
          if (!service) {
            setName('')
            setDocuments('')
          }
          onClose?.()
        },
        onError: (error) => {
          if (!isApiError(error)) return
          const fromServer: Problems = {
            name: error.fieldError('name'),
            documentsToBring: error.fieldError('documentsToBring'),
          }
          for (const field of NUMBER_FIELDS) fromServer[field] = error.fieldError(field)
          setProblems(fromServer)
        },
      },
    )
  }

  const numberField = (field: NumberField) => (
    <TextField
      key={field}
      label={t(`appointmentsAdmin.services.${field}`)}
      hint={t(`appointmentsAdmin.services.${field}Hint`)}
      value={numbers[field]}
      onChange={(event) => setNumbers({ ...numbers, [field]: event.target.value })}
      error={problems[field]}
      inputMode="numeric"
      autoComplete="off"
    />
  )

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="civico-panel mb-4"
      aria-labelledby={titleId}
      data-testid="service-form"
    >
      <h3 id={titleId} className="h5">
        {service
          ? t('appointmentsAdmin.services.editTitle', { name: service.name })
          : t('appointmentsAdmin.services.newTitle')}
      </h3>
      <TextField
        label={t('appointmentsAdmin.services.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={problems.name}
        maxLength={120}
        autoComplete="off"
      />
      {NUMBER_FIELDS.map(numberField)}
      <TextArea
        label={t('appointmentsAdmin.services.documents')}
        hint={t('appointmentsAdmin.services.documentsHint')}
        value={documents}
        onChange={(e) => setDocuments(e.target.value)}
        error={problems.documentsToBring}
        rows={3}
      />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={save.isPending}>
          {service ? t('common.save') : t('appointmentsAdmin.services.create')}
        </button>
        {onClose ? (
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
      {save.isError && !Object.values(problems).some(Boolean) ? <ErrorAlert error={save.error} /> : null}
    </form>
  )
}

function ServiceRow({
  service,
  canEdit,
  announce,
  onEdit,
}: SectionProps & { service: AdminService; onEdit: () => void }) {
  const { t } = useTranslation()
  const remove = useDeleteService()
  return (
    <tr data-service={service.name}>
      <th scope="row">{service.name}</th>
      <td>{t('appointmentsAdmin.services.minutes', { count: service.durationMinutes })}</td>
      <td>
        {t('appointmentsAdmin.services.window', {
          notice: service.minNoticeHours,
          days: service.maxDaysAhead,
        })}
      </td>
      <td className="text-end">{service.maxActivePerCitizen}</td>
      <td className="text-end">{service.futureBookings}</td>
      {canEdit ? (
        <td>
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={onEdit}>
              {t('appointmentsAdmin.edit')}
              <span className="visually-hidden"> {service.name}</span>
            </button>
            <ConfirmDelete
              label={t('appointmentsAdmin.delete')}
              question={t('appointmentsAdmin.services.confirm', { name: service.name })}
              pending={remove.isPending}
              onConfirm={() =>
                remove.mutate(service.id, {
                  onSuccess: () => announce(t('appointmentsAdmin.services.deleted', { name: service.name })),
                })
              }
            />
          </div>
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        </td>
      ) : null}
    </tr>
  )
}

/** Services one books: length, booking window, limit per citizen, documents to bring. */
export function ServicesSection({ canEdit, announce }: SectionProps) {
  const { t } = useTranslation()
  const services = useAdminServices()
  const [editing, setEditing] = useState<AdminService>()
  return (
    <div className="row g-4">
      <div className="col-12 col-xl-7">
        {services.isPending ? <LoadingState /> : null}
        {services.isError ? (
          <ErrorAlert error={services.error} onRetry={() => void services.refetch()} />
        ) : null}
        {services.data ? (
          <ScrollableTable
            label={t('appointmentsAdmin.nav.servizi')}
            caption={t('appointmentsAdmin.services.caption')}
            testId="services-table"
          >
            <thead>
              <tr>
                <th scope="col">{t('appointmentsAdmin.services.name')}</th>
                <th scope="col">{t('appointmentsAdmin.services.durationMinutes')}</th>
                <th scope="col">{t('appointmentsAdmin.services.windowTitle')}</th>
                <th scope="col" className="text-end">
                  {t('appointmentsAdmin.services.maxActiveShort')}
                </th>
                <th scope="col" className="text-end">
                  {t('appointmentsAdmin.services.futureShort')}
                </th>
                {canEdit ? <th scope="col">{t('appointmentsAdmin.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {services.data.map((service) => (
                <ServiceRow
                  key={service.id}
                  service={service}
                  canEdit={canEdit}
                  announce={announce}
                  onEdit={() => setEditing(service)}
                />
              ))}
            </tbody>
          </ScrollableTable>
        ) : null}
      </div>
      {canEdit ? (
        <div className="col-12 col-xl-5">
          {editing ? (
            <ServiceForm
              key={editing.id}
              service={editing}
              announce={announce}
              onClose={() => setEditing(undefined)}
            />
          ) : (
            <ServiceForm announce={announce} />
          )}
        </div>
      ) : null}
    </div>
  )
}
