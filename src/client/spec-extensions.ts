// Spec extensions (`x-` keywords) this package gives a meaning to: one name each, shared by the
// spec, its generators, the client and the breaking-change rules of `npm run spec:diff`.

/**
 * Marks an enum of a response as open: `x-leadconduit-open-enum: true` on the schema that holds
 * the enum. Values may be added to it in a minor release, so clients tolerate values they do not
 * know; spec:diff rates a value added to it additive instead of breaking.
 */
export const OPEN_ENUM_EXTENSION = "x-leadconduit-open-enum";
