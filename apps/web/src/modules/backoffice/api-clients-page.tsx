import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api/api-error'
import { formatDay } from '../../app/i18n/format'
import { CheckboxGroup } from '../../app/ui/checkbox-group'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { ModalDialog } from '../../app/ui/modal-dialog'
import { ScrollableTable } from '../../app/ui/scrollable-table'
import { TextField } from '../../app/ui/text-field'
import { usePageTitle } from '../../app/ui/use-page-title'
import { ApiClientKey } from './api-client-key'
import {
  API_SCOPE_LABEL_KEYS,
  API_SCOPES,
  type ApiClient,
  type ApiScope,
  useApiClients,
  useCreateApiClient,
  useRevokeApiClient,
} from './api-clients-api'
import { BackOfficePage, useBackOfficeTitle } from './back-office-page'

function CreateApiClientForm({ onCreated }: { onCreated: (name: string, key: string) => void }) {
  const { t } = useTranslation()
  const create = useCreateApiClient()
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<ApiScope[]>([])
  const [problems, setProblems] = useState<{ name?: string; scopes?: string }>({})

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found = {
      name: name.trim() ? undefined : t('backOffice.apiClients.nameRequired'),
      scopes: scopes.length > 0 ? undefined : t('backOffice.apiClients.scopesRequired'),
    }
    setProblems(found)
    if (found.name || found.scopes) return
    create.mutate(
      { name: name.trim(), scopes },
      {
        onSuccess: ({ client, key }) => {
          setName('')
          setScopes([])
          onCreated(client.name, key)
        },
        onError: (error) => {
          if (isApiError(error))
            setProblems({ name: error.fieldError('name'), scopes: error.fieldError('scopes') })
        },
      },
    )
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="civico-panel"
      aria-labelledby="new-client-title"
      data-testid="api-client-form"
    >
      <h2 id="new-client-title" className="h5">
        {t('backOffice.apiClients.newTitle')}
      </h2>
      <TextField
        label={t('backOffice.apiClients.name')}
        hint={t('backOffice.apiClients.nameHint')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={problems.name}
        autoComplete="off"
      />
      <CheckboxGroup
        legend={t('backOffice.apiClients.scopes')}
        options={API_SCOPES.map((scope) => ({
          value: scope,
          label: t(`backOffice.apiClients.scopeLabels.${API_SCOPE_LABEL_KEYS[scope]}`),
        }))}
        selected={scopes}
        onChange={setScopes}
        error={problems.scopes}
      />
      <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
        {t('backOffice.apiClients.create')}
      </button>
      {create.isError && !problems.name && !problems.scopes ? <ErrorAlert error={create.error} /> : null}
    </form>
  )
}

// A plain signature: the typed `t` of a catalogue this size is too deep for the compiler to pass around.
function scopeLabel(scope: string, t: (key: string) => string): string {
  return (API_SCOPES as readonly string[]).includes(scope)
    ? t(`backOffice.apiClients.scopeLabels.${API_SCOPE_LABEL_KEYS[scope as ApiScope]}`)
    : scope
}

/** Integrations holding API keys: create one (the key is shown once), see use, revoke. */
export function ApiClientsPage() {
  const { t, i18n } = useTranslation()
  const clients = useApiClients()
  const revoke = useRevokeApiClient()
  const [newKey, setNewKey] = useState<{ name: string; key: string }>()
  const [toRevoke, setToRevoke] = useState<ApiClient>()
  const [message, setMessage] = useState<string>()
  usePageTitle(useBackOfficeTitle(t('backOffice.apiClients.title')))

  const confirmRevoke = () => {
    if (!toRevoke) return
    const name = toRevoke.name
    revoke.mutate(toRevoke.id, {
      onSuccess: () => {
        setToRevoke(undefined)
        setMessage(t('backOffice.apiClients.revoked', { name }))
      },
    })
  }

  return (
    <BackOfficePage
      title={t('backOffice.apiClients.title')}
      lead={t('backOffice.apiClients.lead')}
      testId="api-clients-page"
    >
      <div role="status">{message ? <p className="alert alert-success">{message}</p> : null}</div>
      {newKey ? (
        <ApiClientKey name={newKey.name} apiKey={newKey.key} onDone={() => setNewKey(undefined)} />
      ) : null}
      <div className="row g-4">
        <div className="col-12 col-xxl-8">
          {clients.isPending ? <LoadingState /> : null}
          {clients.isError ? (
            <ErrorAlert error={clients.error} onRetry={() => void clients.refetch()} />
          ) : null}
          {clients.data && clients.data.length === 0 ? <p>{t('backOffice.apiClients.none')}</p> : null}
          {clients.data && clients.data.length > 0 ? (
            <ScrollableTable
              label={t('backOffice.apiClients.title')}
              caption={t('backOffice.apiClients.caption')}
              testId="api-clients-table"
            >
              <thead>
                <tr>
                  <th scope="col">{t('backOffice.apiClients.name')}</th>
                  <th scope="col">{t('backOffice.apiClients.prefix')}</th>
                  <th scope="col">{t('backOffice.apiClients.scopes')}</th>
                  <th scope="col">{t('backOffice.apiClients.lastUsed')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('backOffice.apiClients.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {clients.data.map((client) => (
                  <tr key={client.id}>
                    <th scope="row">{client.name}</th>
                    <td>
                      <code>{client.keyPrefix}</code>
                    </td>
                    <td>
                      {client.scopes
                        .map((scope) => scopeLabel(scope, t as unknown as (key: string) => string))
                        .join(', ')}
                    </td>
                    <td>
                      {client.lastUsedAt
                        ? formatDay(client.lastUsedAt, i18n.language)
                        : t('backOffice.apiClients.neverUsed')}
                    </td>
                    <td className="text-end">
                      {client.revokedAt ? (
                        <span>
                          {t('backOffice.apiClients.revokedOn', {
                            date: formatDay(client.revokedAt, i18n.language),
                          })}
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-outline-danger btn-xs"
                          onClick={() => setToRevoke(client)}
                        >
                          {t('backOffice.apiClients.revoke')}
                          <span className="visually-hidden"> {client.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollableTable>
          ) : null}
        </div>
        <div className="col-12 col-xxl-4">
          <CreateApiClientForm
            onCreated={(name, key) => {
              setMessage(undefined)
              setNewKey({ name, key })
            }}
          />
        </div>
      </div>
      <ModalDialog
        open={toRevoke !== undefined}
        title={t('backOffice.apiClients.confirmTitle')}
        onDismiss={() => setToRevoke(undefined)}
        actions={
          <>
            <button type="button" className="btn btn-outline-primary" onClick={() => setToRevoke(undefined)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={revoke.isPending}
              onClick={confirmRevoke}
            >
              {t('backOffice.apiClients.revoke')}
            </button>
          </>
        }
      >
        <p>{toRevoke ? t('backOffice.apiClients.confirmText', { name: toRevoke.name }) : null}</p>
        {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      </ModalDialog>
    </BackOfficePage>
  )
}
