import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { CheckboxGroup } from '../../app/ui/checkbox-group'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { TextArea } from '../../app/ui/text-area'
import { TextField } from '../../app/ui/text-field'
import {
  type AdminCounter,
  type AdminOffice,
  type AdminService,
  useAdminOffices,
  useAdminServices,
  useDeleteCounter,
  useDeleteOffice,
  useSaveCounter,
  useSaveOffice,
} from './appointment-admin-api'
import { ConfirmDelete, type SectionProps } from './appointment-admin-fields'

type OfficeProblems = { name?: string; address?: string; accessibilityNotes?: string }

function OfficeForm({
  office,
  announce,
  onClose,
}: {
  office?: AdminOffice
  announce: SectionProps['announce']
  onClose?: () => void
}) {
  const { t } = useTranslation()
  const save = useSaveOffice()
  const [name, setName] = useState(office?.name ?? '')
  const [address, setAddress] = useState(office?.address ?? '')
  const [notes, setNotes] = useState(office?.accessibilityNotes ?? '')
  const [problems, setProblems] = useState<OfficeProblems>({})
  const titleId = office ? `office-form-${office.id}` : 'office-form-new'

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found: OfficeProblems = {}
    if (!name.trim()) found.name = t('appointmentsAdmin.required')
    if (!address.trim()) found.address = t('appointmentsAdmin.required')
    setProblems(found)
    if (found.name || found.address) return
    save.mutate(
      { id: office?.id, name: name.trim(), address: address.trim(), accessibilityNotes: notes.trim() },
      {
        onSuccess: (saved) => {
          announce(
            t(office ? 'appointmentsAdmin.offices.updated' : 'appointmentsAdmin.offices.created', {
              name: saved.name,
            }),
          )
          if (!office) {
            setName('')
            setAddress('')
            setNotes('')
          }
          onClose?.()
        },
        onError: (error) => {
          if (isApiError(error))
            setProblems({
              name: error.fieldError('name'),
              address: error.fieldError('address'),
              accessibilityNotes: error.fieldError('accessibilityNotes'),
            })
        },
      },
    )
  }

  const shown = problems.name || problems.address || problems.accessibilityNotes
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="civico-panel mb-4"
      aria-labelledby={titleId}
      data-testid="office-form"
    >
      <h3 id={titleId} className="h5">
        {office
          ? t('appointmentsAdmin.offices.editTitle', { name: office.name })
          : t('appointmentsAdmin.offices.newTitle')}
      </h3>
      <TextField
        label={t('appointmentsAdmin.offices.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={problems.name}
        maxLength={120}
        autoComplete="off"
      />
      <TextField
        label={t('appointmentsAdmin.offices.address')}
        hint={t('appointmentsAdmin.offices.addressHint')}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        error={problems.address}
        maxLength={200}
        autoComplete="off"
      />
      <TextArea
        label={t('appointmentsAdmin.offices.accessibility')}
        hint={t('appointmentsAdmin.offices.accessibilityHint')}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={problems.accessibilityNotes}
        maxLength={1000}
        rows={2}
      />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={save.isPending}>
          {office ? t('common.save') : t('appointmentsAdmin.offices.create')}
        </button>
        {onClose ? (
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
      {save.isError && !shown ? <ErrorAlert error={save.error} /> : null}
    </form>
  )
}

function CounterForm({
  office,
  counter,
  services,
  announce,
  onClose,
}: {
  office: AdminOffice
  counter?: AdminCounter
  services: AdminService[]
  announce: SectionProps['announce']
  onClose?: () => void
}) {
  const { t } = useTranslation()
  const save = useSaveCounter()
  const [name, setName] = useState(counter?.name ?? '')
  const [serviceIds, setServiceIds] = useState<string[]>(counter?.serviceIds ?? [])
  const [problems, setProblems] = useState<{ name?: string; serviceIds?: string }>({})
  const titleId = `counter-form-${counter?.id ?? office.id}`

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!name.trim()) {
      setProblems({ name: t('appointmentsAdmin.required') })
      return
    }
    setProblems({})
    save.mutate(
      { id: counter?.id, officeId: office.id, name: name.trim(), serviceIds },
      {
        onSuccess: (saved) => {
          announce(t('appointmentsAdmin.counters.saved', { name: saved.name, office: office.name }))
          if (!counter) {
            setName('')
            setServiceIds([])
          }
          onClose?.()
        },
        onError: (error) => {
          if (isApiError(error))
            setProblems({ name: error.fieldError('name'), serviceIds: error.fieldError('serviceIds') })
        },
      },
    )
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="border-top pt-3 mt-3"
      aria-labelledby={titleId}
      data-testid="counter-form"
    >
      <h5 id={titleId} className="h6">
        {counter
          ? t('appointmentsAdmin.counters.editTitle', { name: counter.name })
          : t('appointmentsAdmin.counters.newTitle', { office: office.name })}
      </h5>
      <TextField
        label={t('appointmentsAdmin.counters.name')}
        hint={t('appointmentsAdmin.counters.nameHint')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={problems.name}
        maxLength={60}
        autoComplete="off"
      />
      <CheckboxGroup
        legend={t('appointmentsAdmin.counters.services')}
        hint={t('appointmentsAdmin.counters.servicesHint')}
        options={services.map((service) => ({ value: service.id, label: service.name }))}
        selected={serviceIds}
        onChange={setServiceIds}
        error={problems.serviceIds}
      />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={save.isPending}>
          {counter ? t('common.save') : t('appointmentsAdmin.counters.create')}
        </button>
        {onClose ? (
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
      {save.isError && !problems.name && !problems.serviceIds ? <ErrorAlert error={save.error} /> : null}
    </form>
  )
}

function CounterItem({
  office,
  counter,
  services,
  canEdit,
  announce,
}: SectionProps & { office: AdminOffice; counter: AdminCounter; services: AdminService[] }) {
  const { t } = useTranslation()
  const remove = useDeleteCounter()
  const [editing, setEditing] = useState(false)
  const served = services
    .filter((service) => counter.serviceIds.includes(service.id))
    .map((service) => service.name)
  return (
    <li className="py-2 border-bottom" data-counter={counter.name}>
      <p className="mb-1">
        <strong>{counter.name}</strong>
        {' - '}
        {served.length > 0 ? served.join(', ') : t('appointmentsAdmin.counters.noServices')}
      </p>
      {canEdit && !editing ? (
        <div className="d-flex flex-wrap gap-2">
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
            {t('appointmentsAdmin.edit')}
            <span className="visually-hidden"> {counter.name}</span>
          </button>
          <ConfirmDelete
            label={t('appointmentsAdmin.delete')}
            question={t('appointmentsAdmin.counters.confirm', { name: counter.name })}
            pending={remove.isPending}
            onConfirm={() =>
              remove.mutate(counter.id, {
                onSuccess: () => announce(t('appointmentsAdmin.counters.deleted', { name: counter.name })),
              })
            }
          />
        </div>
      ) : null}
      {editing ? (
        <CounterForm
          office={office}
          counter={counter}
          services={services}
          announce={announce}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </li>
  )
}

function OfficeCard({
  office,
  services,
  canEdit,
  announce,
}: SectionProps & { office: AdminOffice; services: AdminService[] }) {
  const { t } = useTranslation()
  const remove = useDeleteOffice()
  const [editing, setEditing] = useState(false)
  const [adding, setAdding] = useState(false)
  const titleId = `office-${office.id}`
  if (editing) return <OfficeForm office={office} announce={announce} onClose={() => setEditing(false)} />
  return (
    <li className="civico-panel mb-3" aria-labelledby={titleId} data-office={office.name}>
      <h3 id={titleId} className="h5 mb-1">
        {office.name}
      </h3>
      <p className="mb-1">{office.address}</p>
      {office.accessibilityNotes ? <p className="mb-1 small">{office.accessibilityNotes}</p> : null}
      <p className="small text-secondary">
        {t('appointmentsAdmin.offices.futureBookings', { count: office.futureBookings })}
      </p>
      {canEdit ? (
        <div className="d-flex flex-wrap gap-2 mb-2">
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(true)}>
            {t('appointmentsAdmin.edit')}
            <span className="visually-hidden"> {office.name}</span>
          </button>
          <ConfirmDelete
            label={t('appointmentsAdmin.delete')}
            question={t('appointmentsAdmin.offices.confirm', { name: office.name })}
            pending={remove.isPending}
            onConfirm={() =>
              remove.mutate(office.id, {
                onSuccess: () => announce(t('appointmentsAdmin.offices.deleted', { name: office.name })),
              })
            }
          />
        </div>
      ) : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      <h4 className="h6 mt-3">{t('appointmentsAdmin.counters.title', { count: office.counters.length })}</h4>
      {office.counters.length === 0 ? <p className="small">{t('appointmentsAdmin.counters.none')}</p> : null}
      <ul className="list-unstyled mb-0" data-testid="office-counters">
        {office.counters.map((counter) => (
          <CounterItem
            key={counter.id}
            office={office}
            counter={counter}
            services={services}
            canEdit={canEdit}
            announce={announce}
          />
        ))}
      </ul>
      {canEdit && adding ? (
        <CounterForm
          office={office}
          services={services}
          announce={announce}
          onClose={() => setAdding(false)}
        />
      ) : null}
      {canEdit && !adding ? (
        <button type="button" className="btn btn-outline-primary btn-sm mt-3" onClick={() => setAdding(true)}>
          {t('appointmentsAdmin.counters.add', { office: office.name })}
        </button>
      ) : null}
    </li>
  )
}

/** Offices with their counters; a new office, then its counters and the services each serves. */
export function OfficesSection({ canEdit, announce }: SectionProps) {
  const offices = useAdminOffices()
  const services = useAdminServices()
  return (
    <div className="row g-4">
      <div className="col-12 col-xl-7">
        {offices.isPending || services.isPending ? <LoadingState /> : null}
        {offices.isError ? <ErrorAlert error={offices.error} onRetry={() => void offices.refetch()} /> : null}
        {offices.data && services.data ? (
          <ul className="list-unstyled" data-testid="offices-list">
            {offices.data.map((office) => (
              <OfficeCard
                key={office.id}
                office={office}
                services={services.data}
                canEdit={canEdit}
                announce={announce}
              />
            ))}
          </ul>
        ) : null}
      </div>
      {canEdit ? (
        <div className="col-12 col-xl-5">
          <OfficeForm announce={announce} />
        </div>
      ) : null}
    </div>
  )
}
