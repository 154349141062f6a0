// Every table of every module, for Drizzle's typed queries and drizzle-kit's migrations.
export * from '../modules/catalogue/tables.js'
export * from '../modules/city/tables.js'
export * from '../modules/identity/tables.js'
export * from '../modules/newsletter/tables.js'
export * from '../modules/notifications/tables.js'
export * from '../modules/registry/tables.js'
export * from '../platform/audit-tables.js'
export * from '../platform/outbox/tables.js'
