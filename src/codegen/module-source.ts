import { ts } from 'ts-morph';
import { InternalError } from '../errors.js';
import { exportStatement, PACKAGE_NAME } from './flow-source.js';
import { LINE_WIDTH } from './layout.js';
import type { WrittenFlow } from './written-flow.js';

/**
 * The whole module of a pulled flow: sorted named imports from the package,
 * then `export default defineFlow({...});`. The text is parsed back with the
 * TypeScript parser before anyone writes it: an escaping mistake must fail
 * here, never as a broken file in the user's repository.
 */
export function moduleSource(flow: WrittenFlow, fileName = `${flow.key}.ts`): string {
  const { text, imports } = exportStatement(flow);
  const source = `${importLine(imports)}\n\n${text}\n`;
  assertParses(source, fileName);
  return source;
}

/** `import { a, b } from 'runtype-flows';`, one name a line when that is too long. */
export function importLine(names: readonly string[]): string {
  const flat = `import { ${names.join(', ')} } from '${PACKAGE_NAME}';`;
  if (flat.length <= LINE_WIDTH) return flat;
  return `import {\n${names.map((n) => `  ${n},`).join('\n')}\n} from '${PACKAGE_NAME}';`;
}

// --- internal ---

function assertParses(source: string, fileName: string): void {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.TS,
  );
  const problems =
    (file as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  if (problems.length === 0) return;
  const first = ts.flattenDiagnosticMessageText(problems[0]?.messageText ?? '', '\n');
  throw new InternalError(`pull generated a module that does not parse (${fileName}): ${first}`);
}
