/**
 * The closest candidate that `word` is a typo of, if any. A typo is a small
 * edit relative to the word, so that "did you mean" is never a guess at a
 * different word:
 *
 * - separators and case do not count (`transform_data`, `transformdata` and
 *   `Prompt` are typos of known types), and two swapped neighbours are one
 *   edit (`promtp`, `send-emial`);
 * - at most one edit for candidates of up to 6 characters, two above;
 * - never when a whole word differs: words are split at `-`, `_`, spaces and
 *   camelCase humps, and an aligned pair whose edit touches half the shorter
 *   word or more (`create`/`update`, `store`/`save`) is another word, not a
 *   slip of the keyboard; so is any change to a known word of up to 3
 *   letters other than two swapped letters or a letter doubled or undoubled
 *   (`get`/`set`, `ai`/`api` differ; `ulr` and `urll` are `url`, `00` is
 *   `000`), and so is a word left out (`timeout` for `timeoutMs`).
 *
 * This decides errors (STEP_TYPE_TYPO, STEP_CONFIG_FIELD_TYPO) versus
 * warnings that send the value as written, so it errs on the side of "not a
 * typo": a false "typo" blocks a valid flow, a missed one is still a warning.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const target = squash(word);
  const targetWords = words(word);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = squash(candidate);
    const d = other === target ? 0 : editDistance(target, other);
    if (d >= bestDistance || d > (other.length <= 6 ? 1 : 2)) continue;
    if (d > 0 && wholeWordDiffers(targetWords, words(candidate), d)) continue;
    best = candidate;
    bestDistance = d;
  }
  return best;
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein without repeated
 * edits of one substring): insertions, deletions, substitutions and swaps of
 * two neighbours each cost one.
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the swap looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// --- internal ---

function squash(s: string): string {
  return s.toLowerCase().replace(/[-_\s]/g, '');
}

/** `send-email` → [send, email]; `userPrompt` → [user, prompt]; `sessionID` → [session, id]. */
function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[-_\s]+/)
    .filter((w) => w !== '');
}

/**
 * An aligned pair of words that is another word rather than a misspelling of
 * the known one. With different word counts (`fetchurl` / `fetch-url`) the
 * words cannot be aligned: then the edit must be smaller than every word, so
 * a word left out (`record` / `recordId`, `timeout` / `timeoutMs`) is not a
 * typo either.
 */
function wholeWordDiffers(typed: readonly string[], known: readonly string[], distance: number): boolean {
  if (typed.length !== known.length) return [...typed, ...known].some((w) => distance >= w.length);
  return typed.some((wa, i) => {
    const wb = known[i] ?? '';
    if (wa === wb) return false;
    // One letter more, less or replaced turns a short word into another one (ai/api, get/set); a swap or a doubled letter does not.
    if (wb.length <= 3) return !isSwap(wa, wb) && !isDoubled(wa, wb) && !isDoubled(wb, wa);
    return editDistance(wa, wb) >= Math.ceil(Math.min(wa.length, wb.length) / 2);
  });
}

/** Two neighbours swapped: `ulr` / `url`. */
function isSwap(a: string, b: string): boolean {
  return a.length === b.length && editDistance(a, b) === 1 && [...a].sort().join('') === [...b].sort().join('');
}

/** `longer` is `shorter` with one letter typed twice (`urll` / `url`, `envv` / `env`; and the other way, `00` / `000`). */
function isDoubled(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 1; i < longer.length; i += 1) {
    if (longer[i] === longer[i - 1] && longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}
