import { Node, type ArrayLiteralExpression, type ObjectLiteralExpression } from 'ts-morph';
import type { FlowStep, JsonValue } from '../model/index.js';
import * as stepHelpers from '../model/step-helpers.js';
import { canonicalJson } from '../plan/index.js';
import { setProperty, valueText, type EditContext } from './edit-context.js';
import { stepSource } from './flow-source.js';
import { findProperty } from './literal-node.js';
import {
  isWrittenStep,
  type BranchKey,
  type WrittenItem,
  type WrittenStep,
} from './written-flow.js';

/** What a list of steps is, in the code and in the remote. */
export interface StepLists {
  /** The code's steps, normalised (as the loader read them). */
  code: readonly FlowStep[];
  /** The remote's steps, as the module will write them and as they normalise. */
  written: readonly WrittenItem[];
  target: readonly FlowStep[];
}

/**
 * Brings an array literal of steps in line with the remote: a step whose
 * content differs is edited field by field, a new one is generated in place,
 * a removed one dropped; steps already equal are not touched at all, however
 * they are written. Elements map to the code's steps by position, so a list
 * built with spreads is computed as a whole.
 */
export function editStepList(
  ctx: EditContext,
  array: ArrayLiteralExpression,
  lists: StepLists,
  path: string,
): void {
  const { code, written, target } = lists;
  if (canonicalJson(code) === canonicalJson(target)) return;
  const elements = array.getElements();
  if (
    elements.some((e) => Node.isSpreadElement(e)) ||
    elements.length !== code.length ||
    !written.every(isWrittenStep)
  ) {
    ctx.computed.push({ path, line: array.getStartLineNumber() });
    if (ctx.force) replaceList(ctx, array, written, path);
    return;
  }
  const byId = new Map(code.map((step, index) => [step.id, index]));
  const sameIds =
    code.length === target.length && code.every((step, i) => step.id === target[i]?.id);
  const kept: (Node | string)[] = [];
  target.forEach((step, j) => {
    const i = byId.get(step.id);
    const item = written[j] as WrittenStep;
    const at = `${path}[${j}]`;
    if (i === undefined) {
      kept.push(stepSource(item, array.getIndentationText().length + 2, ctx.imports));
      ctx.changed.push(`${at} (added "${step.id}")`);
      return;
    }
    const before = code[i]!;
    const element = elements[i]!;
    kept.push(
      canonicalJson(before) === canonicalJson(step)
        ? element
        : editStep(ctx, element, { before, item, step }, at),
    );
  });
  if (sameIds) return;
  for (const step of code)
    if (!target.some((t) => t.id === step.id)) ctx.changed.push(`${path} (removed "${step.id}")`);
  const pad = `${array.getIndentationText()}  `;
  const texts = kept.map((k) => (typeof k === 'string' ? k : k.getText()));
  array.replaceWithText(
    `[\n${texts.map((t) => `${pad}${t},`).join('\n')}\n${array.getIndentationText()}]`,
  );
}

// --- internal ---

const HELPERS = new Set(Object.keys(stepHelpers).filter((name) => name !== 'customStep'));
const COMMON = ['name', 'enabled', 'order', 'when'] as const;

interface StepEdit {
  before: FlowStep;
  item: WrittenStep;
  step: FlowStep;
}

/** Edits one step element in place; returns the node now standing for it. */
function editStep(ctx: EditContext, element: Node, edit: StepEdit, path: string): Node | string {
  const { before, item, step } = edit;
  const form = stepForm(element);
  if (!form || before.type !== step.type) {
    ctx.computed.push({ path, line: element.getStartLineNumber() });
    if (!ctx.force) return element;
    ctx.changed.push(path);
    return stepSource(item, element.getIndentationText().length, ctx.imports);
  }
  for (const field of COMMON) {
    if (before[field] === step[field]) continue;
    const value = item.common[field];
    setProperty(
      ctx,
      form.common,
      field,
      value === undefined ? undefined : valueText(form.common, field, value),
      `${path}.${field}`,
    );
  }
  const fields = [...new Set([...Object.keys(step.config), ...Object.keys(before.config)])];
  for (const field of fields) {
    if (canonicalJson(before.config[field]) === canonicalJson(step.config[field])) continue;
    const at = `${path}.config.${field}`;
    const branch = item.branches[field as BranchKey];
    if (form.config === undefined) {
      ctx.computed.push({ path: at, line: element.getStartLineNumber() });
      continue;
    }
    const property = findProperty(form.config, field);
    const array =
      property && property !== 'unsure' && Node.isPropertyAssignment(property)
        ? property.getInitializer()
        : undefined;
    if (
      branch &&
      Array.isArray(before.config[field]) &&
      array &&
      Node.isArrayLiteralExpression(array)
    ) {
      const lists = {
        code: before.config[field] as unknown as FlowStep[],
        written: branch,
        target: step.config[field] as unknown as FlowStep[],
      };
      editStepList(ctx, array, lists, at);
      continue;
    }
    setProperty(ctx, form.config, field, configText(ctx, form, field, item), at);
  }
  return element;
}

/** Where a step element writes its step-level fields and its config. */
function stepForm(element: Node):
  | {
      common: ObjectLiteralExpression;
      config: ObjectLiteralExpression | undefined;
      helper: boolean;
    }
  | undefined {
  if (Node.isObjectLiteralExpression(element))
    return { common: element, config: objectAt(element, 'config'), helper: false };
  if (!Node.isCallExpression(element)) return undefined;
  const callee = element.getExpression().getText();
  const args = element.getArguments();
  const options = callee === 'customStep' ? args[2] : HELPERS.has(callee) ? args[1] : undefined;
  if (!options || !Node.isObjectLiteralExpression(options)) return undefined;
  if (callee === 'customStep')
    return { common: options, config: objectAt(options, 'config'), helper: false };
  return { common: options, config: options, helper: true };
}

function objectAt(
  object: ObjectLiteralExpression,
  name: string,
): ObjectLiteralExpression | undefined {
  const property = findProperty(object, name);
  const value =
    property && property !== 'unsure' && Node.isPropertyAssignment(property)
      ? property.getInitializer()
      : undefined;
  return value && Node.isObjectLiteralExpression(value) ? value : undefined;
}

/** The new source of one config field (a helper's branch as step calls, anything else as data). */
function configText(
  ctx: EditContext,
  form: NonNullable<ReturnType<typeof stepForm>>,
  field: string,
  item: WrittenStep,
): string | undefined {
  if (!Object.hasOwn(item.config, field)) return undefined;
  const branch = item.branches[field as BranchKey];
  if (branch && form.helper) {
    const indent = form.config!.getProperties()[0]?.getIndentationText().length ?? 0;
    return listText(branch, indent, ctx);
  }
  return valueText(form.config!, field, item.config[field] as JsonValue);
}

function listText(items: readonly WrittenItem[], indent: number, ctx: EditContext): string {
  if (items.length === 0) return '[]';
  const pad = ' '.repeat(indent + 2);
  const body = items.map((s) => `${pad}${stepSource(s, indent + 2, ctx.imports)},`).join('\n');
  return `[\n${body}\n${' '.repeat(indent)}]`;
}

function replaceList(
  ctx: EditContext,
  array: ArrayLiteralExpression,
  written: readonly WrittenItem[],
  path: string,
): void {
  array.replaceWithText(listText(written, array.getIndentationText().length, ctx));
  ctx.changed.push(path);
}
