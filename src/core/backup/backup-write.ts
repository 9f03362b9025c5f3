import { encodeValue } from './backup-codec';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type ParsedBackup } from './backup-format';

/** A parsed (possibly changed) backup written back in the same format (CLI reextract). */
export async function serializeBackup(backup: ParsedBackup, generator: string, now = new Date()): Promise<string> {
  const tables: Record<string, unknown> = {};
  for (const [name, table] of Object.entries(backup.tables)) {
    const rows = [];
    for (const row of table.rows) rows.push(await encodeValue(row));
    tables[name] = { schema: table.schema, outbound: table.outbound, rows };
  }
  return `${JSON.stringify(
    {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: now.toISOString(),
      generator,
      schemaVersion: backup.schemaVersion,
      settings: (await encodeValue(backup.settings)) ?? null,
      tables,
    },
    null,
    1,
  )}\n`;
}
