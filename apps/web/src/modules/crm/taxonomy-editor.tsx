import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../app/ui/error-alert'
import { LoadingState } from '../../app/ui/loading-state'
import { CategoryForm } from './category-form'
import { useUpdateCategory } from './supervisor-api'
import { type CategoryNode, useTaxonomy } from './taxonomy-api'
import { useTeamName } from './teams'

type Editing = { kind: 'edit'; code: string } | { kind: 'add'; parentCode: string | null } | null

/** Business minutes as "4 h" or "1 h 30 min". */
function minutesInWords(minutes: number | null): string {
  if (!minutes) return '-'
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} min`
  return rest ? `${hours} h ${rest} min` : `${hours} h`
}

interface NodeProps {
  node: CategoryNode
  all: CategoryNode[]
  editing: Editing
  setEditing: (editing: Editing) => void
  announce: (message: string) => void
}

function NodeItem({ node, all, editing, setEditing, announce }: NodeProps) {
  const { t } = useTranslation()
  const update = useUpdateCategory()
  const teamName = useTeamName()
  const children = all.filter((entry) => entry.parentCode === node.code)
  const childLevel = (node.level + 1) as 2 | 3
  const parent = all.find((entry) => entry.code === node.parentCode)
  const done = (message: string) => {
    setEditing(null)
    announce(message)
  }
  const toggle = () =>
    update.mutate(
      { code: node.code, change: { active: !node.active } },
      {
        onSuccess: (saved) =>
          announce(
            saved.active
              ? t('crm.taxonomy.activated', { name: saved.nameIt })
              : t('crm.taxonomy.deactivated', { name: saved.nameIt }),
          ),
      },
    )
  const editingThis = editing?.kind === 'edit' && editing.code === node.code
  const addingHere = editing?.kind === 'add' && editing.parentCode === node.code
  return (
    <li className={`civico-crm-node civico-crm-node-${node.level}`} data-category={node.code}>
      <div className="civico-crm-node-head">
        <div>
          <span className="fw-semibold">{node.name}</span>{' '}
          <span className="small text-secondary">({node.code})</span>{' '}
          {!node.active ? (
            <span className="badge civico-badge-neutral">{t('crm.taxonomy.inactive')}</span>
          ) : null}{' '}
          {!node.citizenVisible ? (
            <span className="badge civico-badge-neutral">{t('crm.taxonomy.staffOnly')}</span>
          ) : null}
          {node.level === 3 ? (
            <p className="small mb-0">
              {t('crm.taxonomy.routing', {
                team: teamName(node.teamCode ?? ''),
                first: minutesInWords(node.firstResponseMinutes),
                resolution: minutesInWords(node.resolutionMinutes),
              })}
              {node.process !== 'standard'
                ? ` · ${t(`crm.taxonomy.processes.${node.process as 'standard'}`)}`
                : ''}
            </p>
          ) : null}
        </div>
        <div className="d-flex flex-wrap gap-1">
          <button
            type="button"
            className="btn btn-outline-primary btn-xs"
            aria-expanded={editingThis}
            onClick={() => setEditing(editingThis ? null : { kind: 'edit', code: node.code })}
          >
            {t('crm.taxonomy.edit')}
            <span className="visually-hidden"> {node.name}</span>
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary btn-xs"
            disabled={update.isPending}
            onClick={toggle}
          >
            {node.active ? t('crm.taxonomy.deactivate') : t('crm.taxonomy.activate')}
            <span className="visually-hidden"> {node.name}</span>
          </button>
          {node.level < 3 ? (
            <button
              type="button"
              className="btn btn-outline-primary btn-xs"
              aria-expanded={addingHere}
              onClick={() => setEditing(addingHere ? null : { kind: 'add', parentCode: node.code })}
            >
              {node.level === 1 ? t('crm.taxonomy.addTopic') : t('crm.taxonomy.addDetail')}
              <span className="visually-hidden"> {node.name}</span>
            </button>
          ) : null}
        </div>
      </div>
      {update.isError ? <ErrorAlert error={update.error} /> : null}
      {editingThis ? (
        <CategoryForm
          level={node.level}
          parent={parent}
          node={node}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {addingHere ? (
        <CategoryForm level={childLevel} parent={node} onDone={done} onCancel={() => setEditing(null)} />
      ) : null}
      {children.length > 0 ? (
        <ul className="civico-crm-tree">
          {children.map((child) => (
            <NodeItem
              key={child.code}
              node={child}
              all={all}
              editing={editing}
              setEditing={setEditing}
              announce={announce}
            />
          ))}
        </ul>
      ) : null}
    </li>
  )
}

/**
 * The taxonomy as a tree, areas → topics → details: rename, reroute and retime entries, add new
 * ones, turn one off (with everything under it). Each area folds, so the tree stays readable.
 */
export function TaxonomyEditor({ announce }: { announce: (message: string) => void }) {
  const { t } = useTranslation()
  const taxonomy = useTaxonomy()
  const [editing, setEditing] = useState<Editing>(null)
  const all = taxonomy.data ?? []
  const areas = all.filter((entry) => entry.level === 1)
  const addingArea = editing?.kind === 'add' && editing.parentCode === null
  return (
    <div data-testid="taxonomy-editor">
      <p>{t('crm.taxonomy.lead')}</p>
      {taxonomy.isPending ? <LoadingState /> : null}
      {taxonomy.isError ? (
        <ErrorAlert error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />
      ) : null}
      <button
        type="button"
        className="btn btn-primary btn-sm mb-3"
        aria-expanded={addingArea}
        onClick={() => setEditing(addingArea ? null : { kind: 'add', parentCode: null })}
      >
        {t('crm.taxonomy.addArea')}
      </button>
      {addingArea ? (
        <div className="civico-panel mb-3">
          <CategoryForm
            level={1}
            onDone={(message) => {
              setEditing(null)
              announce(message)
            }}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : null}
      <ul className="list-unstyled">
        {areas.map((area) => (
          <li key={area.code} className="mb-2">
            <details className="civico-panel civico-crm-area">
              <summary>
                <span className="fw-semibold">{area.name}</span>{' '}
                <span className="small">
                  {t('crm.taxonomy.topics', {
                    count: all.filter((entry) => entry.parentCode === area.code).length,
                  })}
                </span>
                {!area.active ? (
                  <span className="badge civico-badge-neutral ms-2">{t('crm.taxonomy.inactive')}</span>
                ) : null}
              </summary>
              <ul className="civico-crm-tree civico-crm-tree-root">
                <NodeItem
                  node={area}
                  all={all}
                  editing={editing}
                  setEditing={setEditing}
                  announce={announce}
                />
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </div>
  )
}
