import { type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { rowsOf } from '../../db/transaction.js'
import type { TimelinePage, TimelineRow, TimelineSource } from '../../platform/timeline-source.js'
import { contactCalls, ticketCategories, ticketContacts, tickets } from './tables.js'

const before = (column: SQL, page: TimelinePage) =>
  page.before ? sql`and ${column} < ${page.before.toISOString()}::timestamptz` : sql``

/**
 * The contacts a fiscal code stands for: the citizen's own and the anonymous ones merged into it,
 * as two index reads (an OR would make PostgreSQL scan the whole table).
 */
function contactsOf(fiscalCode: string): SQL {
  return sql`select ${ticketContacts.id} as id from ${ticketContacts} where ${ticketContacts.fiscalCode} = ${fiscalCode}
    union all
    select merged.id from ${ticketContacts} citizen
    join ${ticketContacts} merged on merged.merged_into_id = citizen.id
    where citizen.fiscal_code = ${fiscalCode}`
}

/** Each contact's newest tickets through its own index range, then the page of them all. */
function ticketsOfContacts(page: TimelinePage): SQL {
  return sql`select 'ticket' as kind, t.created_at as at, t.code as reference, t.status::text as status,
      t.subject as title, ${ticketCategories.nameIt} as detail, t.channel::text as channel,
      null::int as amount_cents, t.team_code as team_code
    from timeline_contacts contact
    cross join lateral (
      select ${tickets.code} as code, ${tickets.status} as status, ${tickets.subject} as subject,
        ${tickets.channel} as channel, ${tickets.teamCode} as team_code, ${tickets.createdAt} as created_at,
        ${tickets.categoryId} as category_id
      from ${tickets}
      where ${tickets.contactId} = contact.id ${before(sql`${tickets.createdAt}`, page)}
      order by ${tickets.createdAt} desc
      limit ${page.limit}
    ) t
    left join ${ticketCategories} on ${ticketCategories.id} = t.category_id
    order by t.created_at desc
    limit ${page.limit}`
}

function callsOfContacts(page: TimelinePage): SQL {
  return sql`select 'call' as kind, c.started_at as at, coalesce(c.booking_code, c.id::text) as reference,
      c.outcome::text as status, coalesce(${ticketCategories.nameIt}, '') as title, null::text as detail,
      'phone' as channel, null::int as amount_cents, null::text as team_code
    from timeline_contacts contact
    cross join lateral (
      select ${contactCalls.id} as id, ${contactCalls.outcome} as outcome, ${contactCalls.startedAt} as started_at,
        ${contactCalls.bookingCode} as booking_code, ${contactCalls.categoryId} as category_id
      from ${contactCalls}
      where ${contactCalls.contactId} = contact.id ${before(sql`${contactCalls.startedAt}`, page)}
      order by ${contactCalls.startedAt} desc
      limit ${page.limit}
    ) c
    left join ${ticketCategories} on ${ticketCategories.id} = c.category_id
    order by c.started_at desc
    limit ${page.limit}`
}

/**
 * One page of a citizen's 360° view in one statement: their tickets and calls (through every
 * contact that is theirs) and each other capability's part, newest first.
 */
export async function readTimelinePage(
  db: Queryable,
  fiscalCode: string,
  page: TimelinePage,
  sources: readonly TimelineSource[],
): Promise<TimelineRow[]> {
  const parts = [
    ticketsOfContacts(page),
    callsOfContacts(page),
    ...sources.map((source) => source(fiscalCode, page)),
  ]
  const result = await db.execute(sql`
    with timeline_contacts as (${contactsOf(fiscalCode)})
    ${sql.join(
      parts.map((part) => sql`(${part})`),
      sql` union all `,
    )}
    order by at desc
    limit ${page.limit}`)
  return rowsOf<TimelineRow>(result)
}
