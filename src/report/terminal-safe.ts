/**
 * Text bound for a terminal (or a CI log) with every control character made
 * visible, except newlines, tabs and the colour sequences this tool writes
 * itself: a flow name or a server message carrying ESC sequences, BEL, CR or
 * NUL could otherwise clear the screen, rewrite a line or hide what follows.
 * Applied once, where the reporter writes, so no formatter can forget it.
 */
export function terminalSafe(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (match) =>
    match.length > 1 && isOwnColour(match) ? match : escapeControl(match),
  );
}

// --- internal ---

/**
 * SGR parameters node:util styleText writes for the styles report/color.ts uses (bold, dim,
 * colours and their resets). Anything else — cursor moves, erasing, conceal — is escaped.
 */
const OWN_SGR = /^\u001b\[(?:0|1|2|22|3[0-7]|39|9[0-7])m$/;

function isOwnColour(sequence: string): boolean {
  return OWN_SGR.test(sequence);
}

function escapeControl(match: string): string {
  return [...match]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (code === 0x1b) return '\\e';
      if (code === 0x0d) return '\\r';
      return code > 0x1f && code < 0x7f ? char : `\\x${code.toString(16).padStart(2, '0')}`;
    })
    .join('');
}
