import { Node, Project, ts, type SourceFile } from 'ts-morph';
import * as stepHelpers from '../../model/step-helpers.js';
import { findFlowRoot, type SourceAnchor } from './flow-root.js';
import { calleeName, resolveValue, staticString, unwrap } from './static-value.js';

export type { SourceAnchor } from './flow-root.js';

export interface SourceLocator {
  /**
   * Where `path` of the anchored flow is written: the deepest node the path
   * surely leads to (a step when its field is computed, the defineFlow call
   * when nothing deeper is sure), or undefined when the flow itself cannot be
   * told apart. `message` sharpens a string to the `{{variable}}` it names;
   * a `code` about the field itself (an unknown field) points at its name.
   */
  locate(
    anchor: SourceAnchor,
    path: readonly (string | number)[],
    about?: { message?: string; code?: string },
  ): { line: number; column: number } | undefined;
}

/** Step fields that helpers take in their options object beside the config fields. */
const STEP_LEVEL_FIELDS = new Set(['name', 'enabled', 'when', 'order']);
/** Codes about a field's name rather than its value. */
const FIELD_CODES = /FIELD_UNKNOWN|FIELD_TYPO/;
/** `prompt(id, options)` and its siblings; `customStep(type, id, options)` differs. */
const HELPERS = new Set(Object.keys(stepHelpers).filter((name) => name !== 'customStep'));

/**
 * Maps a value path (`steps[1].config.userPrompt`) back to source. Flows are
 * object literals, arrays and helper calls whose options hold both step
 * fields and config fields, so `config` is "the same object" there, `id` is
 * the first argument and `type` the helper's name.
 */
export function createSourceLocator(
  file: string,
  text: string,
  project = new Project({ useInMemoryFileSystem: true }),
): SourceLocator {
  const source = project.createSourceFile(file, text, {
    overwrite: true,
    scriptKind: ts.ScriptKind.TS,
  });
  return {
    locate(anchor, path, about = {}) {
      const root = findFlowRoot(source, anchor);
      if (!root) return undefined;
      let node: Node = root;
      let walked = 0;
      for (const segment of path) {
        const next = step(source, node, segment);
        if (!next) break;
        node = next;
        walked += 1;
      }
      if (node === root) return position(source, definingCall(root), undefined);
      const field =
        walked === path.length && FIELD_CODES.test(about.code ?? '')
          ? propertyNameOf(node)
          : undefined;
      return position(source, field ?? node, about.message);
    },
  };
}

// --- internal ---

function step(source: SourceFile, node: Node, segment: string | number): Node | undefined {
  const target = resolveValue(source, node);
  if (typeof segment === 'number')
    return Node.isArrayLiteralExpression(target)
      ? element(target.getElements(), segment)
      : undefined;
  if (Node.isObjectLiteralExpression(target)) return property(source, target, segment);
  if (!Node.isCallExpression(target)) return undefined;
  const name = calleeName(target) ?? '';
  const args = target.getArguments();
  if (name === 'customStep') {
    const [type, id, options] = args;
    if (segment === 'type') return type;
    if (segment === 'id') return id;
    return options ? step(source, options, segment) : undefined;
  }
  if (!HELPERS.has(name)) return undefined;
  const [id, options] = args;
  if (segment === 'id') return id;
  if (segment === 'type') return target.getExpression();
  if (segment === 'config') return options;
  return options && STEP_LEVEL_FIELDS.has(segment) ? step(source, options, segment) : undefined;
}

/** An element by index, unless a spread before it makes the index unknowable. */
function element(elements: Node[], index: number): Node | undefined {
  for (let i = 0; i <= index && i < elements.length; i += 1)
    if (Node.isSpreadElement(elements[i])) return undefined;
  return elements[index];
}

/**
 * The last property of that name (the one JavaScript keeps); unsure behind a spread written after
 * it.
 */
function property(source: SourceFile, object: Node, name: string): Node | undefined {
  if (!Node.isObjectLiteralExpression(object)) return undefined;
  const properties = object.getProperties();
  for (let i = properties.length - 1; i >= 0; i -= 1) {
    const p = properties[i]!;
    if (Node.isSpreadAssignment(p)) return undefined;
    if (Node.isShorthandPropertyAssignment(p) && p.getName() === name) return p.getNameNode();
    if (
      (Node.isPropertyAssignment(p) || Node.isMethodDeclaration(p)) &&
      propertyName(source, p.getNameNode()) === name
    ) {
      return Node.isPropertyAssignment(p) ? (p.getInitializer() ?? p) : p;
    }
  }
  return undefined;
}

function propertyName(source: SourceFile, name: Node): string | undefined {
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
  if (Node.isComputedPropertyName(name)) return staticString(source, name.getExpression());
  return staticString(source, name);
}

/** The name of the property whose value `node` is (`userPrmpt` in `userPrmpt: '...'`). */
function propertyNameOf(node: Node): Node | undefined {
  const parent = node.getParent();
  return parent && Node.isPropertyAssignment(parent) && parent.getInitializer() === node
    ? parent.getNameNode()
    : undefined;
}

/** A flow object's position is its `defineFlow(` call, where a reader looks for "the flow". */
function definingCall(root: Node): Node {
  const parent = root.getParent();
  return parent && Node.isCallExpression(parent) && parent.getArguments()[0] === root
    ? parent
    : root;
}

function position(
  source: SourceFile,
  node: Node,
  message: string | undefined,
): { line: number; column: number } {
  let offset = node.getStart();
  const variable = message === undefined ? undefined : /\{\{[^{}]+\}\}/.exec(message)?.[0];
  const literal = unwrap(node);
  if (
    variable &&
    (Node.isStringLiteral(literal) ||
      Node.isNoSubstitutionTemplateLiteral(literal) ||
      Node.isTemplateExpression(literal))
  ) {
    const index = literal.getText().indexOf(variable);
    if (index >= 0) offset = literal.getStart() + index;
  }
  const { line, column } = source.getLineAndColumnAtPos(offset);
  return { line, column };
}
