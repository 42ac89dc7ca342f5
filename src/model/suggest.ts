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
 *   camelCase humps, and an aligned pair of words is the same word only when
 *   the edit is two swapped neighbours, a letter doubled or undoubled, or a
 *   plural `s` (`ulr`, `urll`, `urls` are `url`; `cal` is `call`; `00` is
 *   `000`; `emails` is `email`), whatever the length; or else, when both
 *   words have at least 4 letters, an edit touching less than half the
 *   shorter one. So `get`/`set`, `ai`/`api`, `ur`/`url` and `uri`/`url`
 *   differ, whichever side is the short one, as do `create`/`update` and
 *   `store`/`save`; and so is a word left out (`timeout` for `timeoutMs`).
 *
 * This decides errors (STEP_TYPE_TYPO) versus warnings that send the value
 * as written, so it errs on the side of "not a typo": a false "typo" blocks a
 * valid flow, a missed one is still a warning. Config fields ask for more
 * (isClearTypo): the API has fields the library does not model.
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
 * Whether `typed` is so clearly a misspelling of `known` (closestMatch's
 * answer) that sending it as written cannot be meant: the one test for
 * STEP_CONFIG_FIELD_TYPO, an error that blocks a deploy, where anything else
 * close is the warning STEP_CONFIG_FIELD_UNKNOWN with the suggestion in its
 * hint. Clear are: case or separators (`user_prompt`); two swapped
 * neighbours or a doubled letter (`modle`, `bodyy`); one letter missing,
 * extra or wrong in a word of 5 letters or more when the rest of the name is
 * the field's (`userPrmpt`, `sytemPrompt`, `outputVarible`); and one letter
 * missing or extra in a lone word of 6 or more (`temprature`). Not clear: a
 * lone word one letter from a field is often an English word and a plausible
 * field of the API that the library does not model (`mode`/`model`,
 * `context`/`content`, `formal`/`format`), and so is a plural (`models`,
 * `header`/`headers`): without a dictionary, the rule asks for a name that
 * no one would write on purpose.
 */
export function isClearTypo(typed: string, known: string): boolean {
  if (squash(typed) === squash(known)) return true;
  const a = words(typed);
  const b = words(known);
  if (a.length !== b.length) return isSlip(squash(typed), squash(known));
  const differing = a.flatMap((wa, i) => (wa === b[i] ? [] : [[wa, b[i] ?? ''] as const]));
  const anchored = differing.length < a.length;
  return differing.every(([wa, wb]) => {
    if (isSlip(wa, wb)) return true;
    const shorter = Math.min(wa.length, wb.length);
    if (isPlural(wa, wb) || isPlural(wb, wa) || shorter < 5 || editDistance(wa, wb) !== 1)
      return false;
    return anchored || (wa.length !== wb.length && shorter >= 6);
  });
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
      let d = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
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
function wholeWordDiffers(
  typed: readonly string[],
  known: readonly string[],
  distance: number,
): boolean {
  if (typed.length !== known.length) return [...typed, ...known].some((w) => distance >= w.length);
  return typed.some((wa, i) => {
    const wb = known[i] ?? '';
    if (wa === wb || isSlip(wa, wb) || isPlural(wa, wb) || isPlural(wb, wa)) return false;
    // One letter more, less or replaced turns a short word into another one (ai/api, get/set,
    // ur/url).
    const shorter = Math.min(wa.length, wb.length);
    return shorter <= 3 || editDistance(wa, wb) >= Math.ceil(shorter / 2);
  });
}

/**
 * Two neighbours swapped or a letter doubled or undoubled: a slip of the keyboard at any length.
 */
function isSlip(a: string, b: string): boolean {
  return isSwap(a, b) || isDoubled(a, b) || isDoubled(b, a);
}

/** `plural` is `word` and an `s`: `urls` / `url`, `models` / `model`. */
function isPlural(plural: string, word: string): boolean {
  return plural.length === word.length + 1 && plural.endsWith('s') && plural.startsWith(word);
}

/** Two neighbours swapped: `ulr` / `url`. */
function isSwap(a: string, b: string): boolean {
  return (
    a.length === b.length &&
    editDistance(a, b) === 1 &&
    [...a].sort().join('') === [...b].sort().join('')
  );
}

/**
 * `longer` is `shorter` with one letter typed twice (`urll` / `url`, `envv` / `env`; and the other
 * way, `00` / `000`).
 */
function isDoubled(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 1; i < longer.length; i += 1) {
    if (longer[i] === longer[i - 1] && longer.slice(0, i) + longer.slice(i + 1) === shorter)
      return true;
  }
  return false;
}
