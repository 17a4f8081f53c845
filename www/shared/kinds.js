// Entity kinds: their order and headings on the paste page, in its copy formats and in the
// extension's panel. No DOM, no imports (see dom.js for why).

/** The kinds lede returns, in the order they are shown, with their group headings. */
export const KINDS = [
  ["person", "People"],
  ["organization", "Organizations"],
  ["place", "Places"],
  ["other", "Other"],
];

/**
 * `entities` grouped by kind in KINDS order, empty kinds left out:
 * [{ kind, label, items: [{ entity, k }] }], `k` being the entity's index in `entities`.
 */
export function groupByKind(entities) {
  return KINDS.map(([kind, label]) => ({
    kind,
    label,
    items: entities.map((entity, k) => ({ entity, k })).filter(({ entity }) => entity.kind === kind),
  })).filter((group) => group.items.length > 0);
}
