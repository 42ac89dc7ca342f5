/** The `schemaVersion` of every JSON document and event (bumped only on a breaking change). */
export const JSON_SCHEMA_VERSION = 1;
