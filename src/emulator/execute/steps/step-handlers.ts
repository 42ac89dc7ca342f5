/**
 * Which step types the emulator executes for real, which the mock model answers, and which are
 * not emulated (every other type, including `extraStepTypes`): README "What the emulator
 * executes" lists the same.
 */
import type { StepHandler } from '../run-context.js';
import { runConditionalStep } from './conditional-step.js';
import { runEmbeddingStep, runModelStep } from './model-step.js';
import { runNotEmulatedStep } from './not-emulated.js';
import { runSetVariableStep } from './set-variable-step.js';
import { runTemplateStep } from './template-step.js';
import { runTransformStep } from './transform-step.js';

const HANDLERS: Readonly<Record<string, StepHandler>> = {
  conditional: runConditionalStep,
  'set-variable': runSetVariableStep,
  template: runTemplateStep,
  'transform-data': runTransformStep,
  prompt: runModelStep,
  'execute-agent': runModelStep,
  'generate-embedding': runEmbeddingStep,
};

export function handlerFor(type: string): StepHandler {
  return HANDLERS[type] ?? runNotEmulatedStep;
}
