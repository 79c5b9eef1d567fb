/** Small pure edits the kinds' editor fields share (kinds/<kind>/<Kind>Fields.tsx). */

/** from, from + 1, …, to: the choices of a select. */
export const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Sets an optional text property, dropping it when blank. */
export function withOptionalText<T extends object, K extends keyof T & string>(
  object: T,
  key: K,
  value: string,
): T {
  const { [key]: _old, ...rest } = object;
  return (value === '' ? rest : { ...rest, [key]: value }) as T;
}

/** Sets an optional number property, dropping it when the box is empty. */
export function withOptionalNumber<T extends object, K extends keyof T & string>(
  object: T,
  key: K,
  value: number | undefined,
): T {
  const { [key]: _old, ...rest } = object;
  return (value === undefined ? rest : { ...rest, [key]: value }) as T;
}
