import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { formatDay } from '../../app/i18n/format'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import { TextField } from '../../app/ui/text-field'
import {
  type AdminClosure,
  useAddClosure,
  useAdminClosures,
  useAdminOffices,
  useRemoveClosure,
} from './appointment-admin-api'
import { ConfirmDelete, type SectionProps, SelectField } from './appointment-admin-fields'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const CITY_WIDE = ''
type Problems = { officeId?: string; fromDate?: string; toDate?: string; reason?: string }

function ClosureForm({ announce }: Pick<SectionProps, 'announce'>) {
  const { t, i18n } = useTranslation()
  const offices = useAdminOffices()
  const add = useAddClosure()
  const [officeId, setOfficeId] = useState(CITY_WIDE)
  const [fromDate, setFromDate] = useState('')
  const [toDate, setToDate] = useState('')
  const [reason, setReason] = useState('')
  const [problems, setProblems] = useState<Problems>({})

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found: Problems = {}
    if (!ISO_DAY.test(fromDate)) found.fromDate = t('appointmentsAdmin.closures.dateRequired')
    if (!ISO_DAY.test(toDate)) found.toDate = t('appointmentsAdmin.closures.dateRequired')
    else if (!found.fromDate && toDate < fromDate) found.toDate = t('appointmentsAdmin.closures.order')
    if (!reason.trim()) found.reason = t('appointmentsAdmin.required')
    setProblems(found)
    if (Object.values(found).some(Boolean)) return
    add.mutate(
      { officeId: officeId || null, fromDate, toDate, reason: reason.trim() },
      {
        onSuccess: (closure) => {
          const where = closure.officeName ?? t('appointmentsAdmin.closures.everyOffice')
          const days =
            closure.fromDate === closure.toDate
              ? formatDay(closure.fromDate, i18n.language)
              : `${formatDay(closure.fromDate, i18n.language)} - ${formatDay(closure.toDate, i18n.language)}`
          announce(
            closure.bookingsOnClosedDays
              ? t('appointmentsAdmin.closures.addedWithBookings', {
                  where,
                  days,
                  count: closure.bookingsOnClosedDays,
                })
              : t('appointmentsAdmin.closures.added', { where, days }),
          )
          setFromDate('')
          setToDate('')
          setReason('')
        },
        onError: (error) => {
          if (isApiError(error))
            setProblems({
              officeId: error.fieldError('officeId'),
              fromDate: error.fieldError('fromDate'),
              toDate: error.fieldError('toDate'),
              reason: error.fieldError('reason'),
            })
        },
      },
    )
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="civico-panel mb-4"
      aria-labelledby="closure-form-title"
      data-testid="closure-form"
    >
      <h3 id="closure-form-title" className="h5">
        {t('appointmentsAdmin.closures.newTitle')}
      </h3>
      <SelectField
        label={t('appointmentsAdmin.closures.office')}
        value={officeId}
        onChange={setOfficeId}
        error={problems.officeId}
      >
        <option value={CITY_WIDE}>{t('appointmentsAdmin.closures.everyOffice')}</option>
        {(offices.data ?? []).map((office) => (
          <option key={office.id} value={office.id}>
            {office.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('appointmentsAdmin.closures.from')}
        type="date"
        value={fromDate}
        onChange={(e) => setFromDate(e.target.value)}
        error={problems.fromDate}
      />
      <TextField
        label={t('appointmentsAdmin.closures.to')}
        hint={t('appointmentsAdmin.closures.toHint')}
        type="date"
        value={toDate}
        onChange={(e) => setToDate(e.target.value)}
        error={problems.toDate}
      />
      <TextField
        label={t('appointmentsAdmin.closures.reason')}
        hint={t('appointmentsAdmin.closures.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={problems.reason}
        maxLength={200}
        autoComplete="off"
      />
      <p className="small">{t('appointmentsAdmin.closures.bookingsStay')}</p>
      <button type="submit" className="btn btn-primary btn-sm" disabled={add.isPending}>
        {t('appointmentsAdmin.closures.add')}
      </button>
      {add.isError && !Object.values(problems).some(Boolean) ? <ErrorAlert error={add.error} /> : null}
    </form>
  )
}

function ClosureRow({ closure, canEdit, announce }: SectionProps & { closure: AdminClosure }) {
  const { t, i18n } = useTranslation()
  const remove = useRemoveClosure()
  const where = closure.officeName ?? t('appointmentsAdmin.closures.everyOffice')
  return (
    <tr data-closure={closure.reason}>
      <th scope="row">{where}</th>
      <td>{formatDay(closure.fromDate, i18n.language)}</td>
      <td>{formatDay(closure.toDate, i18n.language)}</td>
      <td>{closure.reason}</td>
      {canEdit ? (
        <td>
          <ConfirmDelete
            label={t('appointmentsAdmin.closures.remove')}
            question={t('appointmentsAdmin.closures.confirm', { reason: closure.reason })}
            pending={remove.isPending}
            onConfirm={() =>
              remove.mutate(closure.id, {
                onSuccess: () =>
                  announce(t('appointmentsAdmin.closures.removed', { reason: closure.reason })),
              })
            }
          />
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        </td>
      ) : null}
    </tr>
  )
}

/** Days offices are closed beyond the public holidays, which the calendar knows already. */
export function ClosuresSection({ canEdit, announce }: SectionProps) {
  const { t } = useTranslation()
  const closures = useAdminClosures()
  return (
    <div className="row g-4">
      <div className="col-12 col-xl-7">
        <p>{t('appointmentsAdmin.closures.intro')}</p>
        {closures.isPending ? <LoadingState /> : null}
        {closures.isError ? (
          <ErrorAlert error={closures.error} onRetry={() => void closures.refetch()} />
        ) : null}
        {closures.data?.length === 0 ? (
          <p data-testid="no-closures">{t('appointmentsAdmin.closures.none')}</p>
        ) : null}
        {closures.data && closures.data.length > 0 ? (
          <ScrollableTable
            label={t('appointmentsAdmin.nav.chiusure')}
            caption={t('appointmentsAdmin.closures.caption')}
            testId="closures-table"
          >
            <thead>
              <tr>
                <th scope="col">{t('appointmentsAdmin.closures.office')}</th>
                <th scope="col">{t('appointmentsAdmin.closures.from')}</th>
                <th scope="col">{t('appointmentsAdmin.closures.to')}</th>
                <th scope="col">{t('appointmentsAdmin.closures.reason')}</th>
                {canEdit ? <th scope="col">{t('appointmentsAdmin.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {closures.data.map((closure) => (
                <ClosureRow key={closure.id} closure={closure} canEdit={canEdit} announce={announce} />
              ))}
            </tbody>
          </ScrollableTable>
        ) : null}
      </div>
      {canEdit ? (
        <div className="col-12 col-xl-5">
          <ClosureForm announce={announce} />
        </div>
      ) : null}
    </div>
  )
}
