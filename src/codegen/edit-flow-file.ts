import {
  IndentationText,
  Node,
  Project,
  QuoteKind,
  type ObjectLiteralExpression,
  type SourceFile,
} from 'ts-morph';
import type { Flow, FlowStep } from '../model/index.js';
import { canonicalJson } from '../plan/index.js';
import {
  setProperty,
  valueText,
  withTrailingCommas,
  type ComputedValue,
  type EditContext,
} from './edit-context.js';
import { editStepList } from './edit-steps.js';
import { findFlowObject } from './find-flow-object.js';
import { PACKAGE_NAME } from './flow-source.js';
import { findProperty } from './literal-node.js';
import { stringLiteral } from './string-literal.js';
import type { WrittenFlow } from './written-flow.js';

export interface FlowFileEdit {
  /** The module's new text (equal to the old one when nothing needed to change). */
  text: string;
  /** Paths of the values rewritten, e.g. `steps[1].config.userPrompt`. */
  changed: string[];
  /** Values that differ but are computed in the source: left alone unless `force`. */
  computed: ComputedValue[];
}

/**
 * Takes a remote flow into its existing module: only the properties of the
 * `defineFlow` object literal whose value differs are rewritten (changed
 * step entries edited field by field), so the module's other code, imports
 * and comments stay as they are. `description` is never touched: no response
 * carries it. `inputs` only gains what the remote's steps now read.
 */
export function editFlowFile(
  file: { name: string; text: string },
  code: Flow,
  remote: { written: WrittenFlow; steps: readonly FlowStep[] },
  force: boolean,
): FlowFileEdit {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      quoteKind: QuoteKind.Single,
      indentationText: IndentationText.TwoSpaces,
    },
  });
  const source = project.createSourceFile(file.name, file.text, { overwrite: true });
  const ctx: EditContext = { force, changed: [], computed: [], imports: new Set(), added: [] };
  const object = findFlowObject(source, code.key);
  if (!object) {
    ctx.computed.push({ path: '(the flow object)', line: 1 });
    return { text: file.text, changed: [], computed: ctx.computed };
  }
  const { written, steps } = remote;
  if (code.name !== written.name)
    setProperty(ctx, object, 'name', stringLiteral(written.name), 'name');
  addInputs(ctx, object, code.inputs, written.inputs);
  if (canonicalJson(code.steps) !== canonicalJson(steps))
    editSteps(ctx, object, code.steps, remote);
  addImports(source, ctx.imports);
  return {
    text: withTrailingCommas(source.getFullText(), ctx.added),
    changed: ctx.changed,
    computed: ctx.computed,
  };
}

// --- internal ---

function editSteps(
  ctx: EditContext,
  object: ObjectLiteralExpression,
  code: readonly FlowStep[],
  remote: { written: WrittenFlow; steps: readonly FlowStep[] },
): void {
  const property = findProperty(object, 'steps');
  const array =
    property && property !== 'unsure' && Node.isPropertyAssignment(property)
      ? property.getInitializer()
      : undefined;
  if (array && Node.isArrayLiteralExpression(array)) {
    editStepList(
      ctx,
      array,
      { code, written: remote.written.steps, target: remote.steps },
      'steps',
    );
    return;
  }
  const line =
    property && property !== 'unsure' ? property.getStartLineNumber() : object.getStartLineNumber();
  ctx.computed.push({ path: 'steps', line });
}

/** The variables the remote's steps read that the code does not declare yet (none is removed). */
function addInputs(
  ctx: EditContext,
  object: ObjectLiteralExpression,
  declared: readonly string[],
  wanted: readonly string[],
): void {
  const missing = wanted.filter((name) => !declared.includes(name));
  if (missing.length === 0) return;
  setProperty(
    ctx,
    object,
    'inputs',
    valueText(object, 'inputs', [...declared, ...missing]),
    'inputs',
  );
}

/** New steps may call helpers the module did not import yet. */
function addImports(source: SourceFile, names: ReadonlySet<string>): void {
  if (names.size === 0) return;
  const declaration = source.getImportDeclaration(
    (d) => d.getModuleSpecifierValue() === PACKAGE_NAME,
  );
  if (!declaration) {
    source.insertImportDeclaration(0, {
      moduleSpecifier: PACKAGE_NAME,
      namedImports: [...names].sort(),
    });
    return;
  }
  const present = new Set(declaration.getNamedImports().map((n) => n.getName()));
  const all = [...new Set([...present, ...names])].sort();
  if (all.length === present.size) return;
  for (const name of all) {
    if (present.has(name)) continue;
    const index = all.filter((n) => present.has(n) && n < name).length;
    declaration.insertNamedImport(index, name);
    present.add(name);
  }
}
