import { Node, SyntaxKind, type ObjectLiteralExpression } from 'ts-morph';

/**
 * Whether a value in the source is written out as plain data — strings,
 * numbers, booleans, null, and arrays and objects of those. Anything else (a
 * helper call such as `triagePrompt('email')`, a shared constant, a spread,
 * an identifier, an interpolating template) is computed: `pull` never
 * replaces it with the literal it evaluated to unless told to (`--force`).
 */
export function isPlainLiteral(node: Node): boolean {
  const inner = unwrap(node);
  if (
    Node.isStringLiteral(inner) ||
    Node.isNoSubstitutionTemplateLiteral(inner) ||
    Node.isNumericLiteral(inner)
  )
    return true;
  if (Node.isTrueLiteral(inner) || Node.isFalseLiteral(inner) || Node.isNullLiteral(inner))
    return true;
  if (Node.isPrefixUnaryExpression(inner)) {
    return (
      inner.getOperatorToken() === SyntaxKind.MinusToken &&
      Node.isNumericLiteral(inner.getOperand())
    );
  }
  if (Node.isArrayLiteralExpression(inner)) return inner.getElements().every(isPlainLiteral);
  if (Node.isObjectLiteralExpression(inner)) {
    return inner
      .getProperties()
      .every(
        (p) =>
          Node.isPropertyAssignment(p) &&
          !Node.isComputedPropertyName(p.getNameNode()) &&
          isPlainLiteral(p.getInitializerOrThrow()),
      );
  }
  return false;
}

/** `x as const`, `(x)`, `x satisfies T`: the value is x. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (
      Node.isAsExpression(current) ||
      Node.isParenthesizedExpression(current) ||
      Node.isSatisfiesExpression(current)
    )
      current = current.getExpression();
    else return current;
  }
}

/** A property's name as a string (identifier, string or numeric literal), if it has a fixed one. */
export function propertyName(node: Node): string | undefined {
  if (Node.isPropertyAssignment(node) || Node.isShorthandPropertyAssignment(node)) {
    const name = node.getNameNode();
    if (Node.isIdentifier(name)) return name.getText();
    if (
      Node.isStringLiteral(name) ||
      Node.isNoSubstitutionTemplateLiteral(name) ||
      Node.isNumericLiteral(name)
    )
      return name.getLiteralText();
  }
  return undefined;
}

/**
 * The property JavaScript keeps for `name` (the last one), or 'unsure' when
 * a spread after it (or instead of it) may set the value.
 */
export function findProperty(
  object: ObjectLiteralExpression,
  name: string,
): Node | 'unsure' | undefined {
  const properties = object.getProperties();
  for (let i = properties.length - 1; i >= 0; i -= 1) {
    const p = properties[i]!;
    if (Node.isSpreadAssignment(p)) return 'unsure';
    if (propertyName(p) === name) return p;
  }
  return undefined;
}

/** A string the source states literally (for keys and step ids). */
export function literalString(node: Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  const inner = unwrap(node);
  return Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner)
    ? inner.getLiteralText()
    : undefined;
}
