/**
 * A record handed out read-only all the way down: the scoring engine and the services share
 * scores and rows between callers, so nothing downstream may change them in place. Types derived
 * from zod schemas (`z.output`) are mutable; this wraps them once.
 */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends readonly (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
