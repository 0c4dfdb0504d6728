// The policy of `npm run spec:diff`: every kind of spec change the engine tells apart, the side of
// the exchange it touches, its verdict and why, in the words of a client of this package. The
// table in docs/spec-changes.md is rendered from this list (policy.ts) and a test keeps the two
// the same; every rule has a before/after fixture in test/scripts/spec-diff/.
//
// A client's view: a request schema and a response schema move in opposite directions. Narrowing
// a request (fewer values valid) refuses what clients send today; widening a response (more
// values possible) sends what clients refuse today, because this client validates answers and
// types them closed. The other two directions are safe.
import { OPEN_ENUM_EXTENSION } from "../../../src/client/spec-extensions.ts";

/** Where a change is felt: what the client sends, what it receives, both, or the document itself. */
export type Side = "request" | "response" | "both" | "document";

/** breaking: a new major; additive: a new minor; editorial: a patch. */
export type Verdict = "breaking" | "additive" | "editorial";

/** Keep a Changelog's sections (https://keepachangelog.com/en/1.1.0/). */
export type Section = "Added" | "Changed" | "Deprecated" | "Removed" | "Fixed" | "Security";

export const VERDICTS: readonly Verdict[] = ["breaking", "additive", "editorial"];

interface RuleRow {
  id: string;
  side: Side;
  verdict: Verdict;
  section: Section;
  why: string;
}

const B = "breaking";
const A = "additive";
const E = "editorial";

export const RULES = [
  // ---------------------------------------------------------------- operations
  row("operation-added", "request", A, "Added", "A new call the client may make; nothing it made before changes."),
  row(
    "operation-removed",
    "request",
    B,
    "Removed",
    "Every call clients make to it is refused (404 or 405), and its typed method and types go away.",
  ),
  row(
    "operation-id-changed",
    "document",
    B,
    "Changed",
    "The package's `operations` type, `OperationId` and the typed methods are keyed by operationId: code that names the old id stops compiling, though the request on the wire is the same.",
  ),
  row(
    "deprecated",
    "both",
    A,
    "Deprecated",
    "It still works as before; clients are told to move off it before a later major removes it. SemVer announces a deprecation in a minor release.",
  ),
  row(
    "deprecation-withdrawn",
    "both",
    E,
    "Changed",
    "The deprecation notice is lifted; nothing a client sends or receives changes.",
  ),
  // ---------------------------------------------------------------- servers and security
  row("server-added", "document", A, "Added", "Another place to send requests; clients keep the one they use."),
  row(
    "server-removed",
    "document",
    B,
    "Removed",
    "Clients configured with this URL lose their server (the client's default base URL is the spec's server).",
  ),
  row(
    "security-alternative-added",
    "request",
    A,
    "Security",
    "Another way to authenticate is accepted (another security scheme, or none); the credentials clients send today still work.",
  ),
  row(
    "security-alternative-removed",
    "request",
    B,
    "Security",
    "Clients that authenticate this way are refused (401).",
  ),
  row(
    "security-requirement-stricter",
    "request",
    B,
    "Security",
    "An accepted way to authenticate now asks for more (another scheme or scope at once): credentials that satisfied it are refused.",
  ),
  row(
    "security-requirement-looser",
    "request",
    A,
    "Security",
    "An accepted way to authenticate now asks for less: credentials that satisfied it still do.",
  ),
  row(
    "security-scheme-changed",
    "request",
    B,
    "Security",
    "How credentials are sent changed (type, HTTP scheme, header or parameter name, flows): clients send them the old way and are refused.",
  ),
  // ---------------------------------------------------------------- the document
  row(
    "component-added",
    "document",
    A,
    "Added",
    "A new named type in the package's exported `components`; nothing that exists changes.",
  ),
  row(
    "component-removed",
    "document",
    B,
    "Removed",
    "The package exports `components` by name (and `InvitationRequest`, `Entity`, … from them): code that names this one stops compiling, even when the same shape lives on under another name.",
  ),
  row(
    "info-version-changed",
    "document",
    E,
    "Changed",
    "The spec's own version: the gate reads it (a breaking change needs a new major), clients do not.",
  ),
  row(
    "info-changed",
    "document",
    E,
    "Changed",
    "Title, summary, description, contact, license or terms of the API: documentation.",
  ),
  row("tags-changed", "document", E, "Changed", "How the reference groups operations; no request or response changes."),
  row(
    "description-changed",
    "document",
    E,
    "Changed",
    "Summaries, descriptions and titles are documentation. A description that promises other behaviour needs the change that states it (a default, an enum, a limit), which its own rule judges.",
  ),
  row(
    "example-changed",
    "document",
    E,
    "Changed",
    "Examples illustrate; they do not change what is valid (the lint checks each against its schema).",
  ),
  row("docs-link-changed", "document", E, "Changed", "An `externalDocs` link: documentation."),
  row(
    "extension-changed",
    "document",
    E,
    "Changed",
    `An \`x-\` extension that no rule reads (\`${OPEN_ENUM_EXTENSION}\` has rules of its own); neither the client nor its validators read it.`,
  ),
  row(
    "restatement",
    "document",
    E,
    "Changed",
    "The document changed but what a client may send and receive did not: a `$ref` to an identical schema, a type or limit the enum already implies, `const` for a one-value enum, `type: [string]` for `type: string`, an `allOf` that merges to the same schema.",
  ),
  row(
    "unjudged-change",
    "both",
    B,
    "Changed",
    "No rule judges this part of the document (callbacks, webhooks, links, `not`, `if`/`then`, a switched combinator, server variables, …). The gate does not pass what it cannot judge: review the change and release it as a major, or write the rule and its fixture.",
  ),
  // ---------------------------------------------------------------- defaults and markers, either side
  row(
    "default-added",
    "both",
    E,
    "Changed",
    "Documents the value assumed when none is given; clients that give one are unaffected.",
  ),
  row(
    "default-changed",
    "both",
    B,
    "Changed",
    "Clients that leave the value out (request), or read a missing value as its default (response), get other behaviour without changing a line. A removed default counts: nothing is promised any more.",
  ),
  row(
    "access-marker-changed",
    "both",
    E,
    "Changed",
    "`readOnly` in a response or `writeOnly` in a request only says which way a value flows, where it flows that way already.",
  ),
  row(
    "type-changed",
    "both",
    B,
    "Changed",
    "One type swapped for another (string → integer): requests with the old type are refused, and answers with the new type are refused by clients.",
  ),
  row(
    "format-changed",
    "both",
    B,
    "Changed",
    "A format swapped for another: values valid under one are refused under the other, whichever way they travel (formats are asserted: ajv-formats in the client and the gate).",
  ),
  row(
    "pattern-changed",
    "both",
    B,
    "Changed",
    "A pattern replaced by another: the engine cannot tell whether one contains the other, so the change counts as narrower and wider at once. A pattern the enum already satisfies is a restatement.",
  ),
  // ---------------------------------------------------------------- request: parameters and bodies
  row("request-parameter-added-required", "request", B, "Changed", "Requests without it, all of today's, are refused."),
  row("request-parameter-added-optional", "request", A, "Added", "Clients that do not send it are unaffected."),
  row(
    "request-parameter-removed",
    "request",
    B,
    "Removed",
    "Clients that send it are refused or have it ignored, and its typed field goes away.",
  ),
  row("request-parameter-became-required", "request", B, "Changed", "Requests that leave it out are refused."),
  row("request-parameter-became-optional", "request", A, "Changed", "Requests that send it still pass."),
  row(
    "request-parameter-serialization-changed",
    "request",
    B,
    "Changed",
    "The same value is written differently on the wire (style, explode, allowReserved, allowEmptyValue, `schema` or `content`): the server reads what clients send today differently, or refuses it.",
  ),
  row("request-body-added-required", "request", B, "Changed", "Requests without a body, all of today's, are refused."),
  row("request-body-added-optional", "request", A, "Added", "Clients that send no body are unaffected."),
  row(
    "request-body-removed",
    "request",
    B,
    "Removed",
    "Clients that send the body are refused (415) or have it ignored, and its typed argument goes away.",
  ),
  row("request-body-became-required", "request", B, "Changed", "Requests without a body are refused."),
  row("request-body-became-optional", "request", A, "Changed", "Requests with a body still pass."),
  row(
    "request-media-type-added",
    "request",
    A,
    "Added",
    "A wider request format: another content type is accepted; clients sending today's are unaffected.",
  ),
  row("request-media-type-removed", "request", B, "Removed", "Requests in that content type are refused (415)."),
  // ---------------------------------------------------------------- request: schemas
  row("request-property-added-required", "request", B, "Changed", "Bodies without it, all of today's, are refused."),
  row("request-property-added-optional", "request", A, "Added", "Clients that do not send it are unaffected."),
  row(
    "request-property-removed",
    "request",
    B,
    "Removed",
    "Clients that send it are refused (closed object) or have it ignored, and its typed field goes away.",
  ),
  row("request-property-became-required", "request", B, "Changed", "Bodies that leave it out are refused."),
  row("request-property-became-optional", "request", A, "Changed", "Bodies that send it still pass."),
  row(
    "request-property-became-read-only",
    "request",
    B,
    "Changed",
    "Clients may no longer send it: it leaves the request type, and the server ignores or refuses it.",
  ),
  row(
    "request-property-no-longer-read-only",
    "request",
    A,
    "Added",
    "Clients may now send it; those that do not are unaffected.",
  ),
  row(
    "request-type-narrowed",
    "request",
    B,
    "Changed",
    "Values of a dropped type (or a non-integer number where an integer is now asked) are refused.",
  ),
  row("request-type-widened", "request", A, "Changed", "More values are accepted; every value valid before still is."),
  row("request-nullable-removed", "request", B, "Changed", "Requests that send null are refused."),
  row("request-nullable-added", "request", A, "Changed", "null is accepted too; other values are unaffected."),
  row("request-enum-value-removed", "request", B, "Changed", "Requests with that value are refused."),
  row(
    "request-enum-value-added",
    "request",
    A,
    "Changed",
    "Another value is accepted; clients that do not send it are unaffected.",
  ),
  row(
    "request-enum-restricted",
    "request",
    B,
    "Changed",
    "The value must now be one of a list: values outside it, valid before, are refused.",
  ),
  row("request-enum-lifted", "request", A, "Changed", "Any value of the type is accepted, not only the listed ones."),
  row(
    "request-format-added",
    "request",
    B,
    "Changed",
    "Values that do not match the format, valid before, are refused (formats are asserted).",
  ),
  row("request-format-removed", "request", A, "Changed", "Values are no longer held to the format."),
  row(
    "request-pattern-added",
    "request",
    B,
    "Changed",
    "Values that do not match the pattern, valid before, are refused.",
  ),
  row("request-pattern-removed", "request", A, "Changed", "Values are no longer held to the pattern."),
  row(
    "request-length-narrowed",
    "request",
    B,
    "Changed",
    "minLength raised or maxLength lowered: strings valid before are refused.",
  ),
  row("request-length-widened", "request", A, "Changed", "minLength lowered or maxLength raised (or dropped)."),
  row(
    "request-range-narrowed",
    "request",
    B,
    "Changed",
    "A minimum raised, a maximum lowered, a bound made exclusive or a stricter multipleOf: numbers valid before are refused.",
  ),
  row(
    "request-range-widened",
    "request",
    A,
    "Changed",
    "A bound relaxed or dropped: every number valid before still is.",
  ),
  row(
    "request-item-count-narrowed",
    "request",
    B,
    "Changed",
    "minItems raised, maxItems lowered or uniqueItems set: arrays valid before are refused.",
  ),
  row(
    "request-item-count-widened",
    "request",
    A,
    "Changed",
    "minItems lowered, maxItems raised or uniqueItems lifted.",
  ),
  row(
    "request-property-count-narrowed",
    "request",
    B,
    "Changed",
    "minProperties raised or maxProperties lowered: objects valid before are refused.",
  ),
  row("request-property-count-widened", "request", A, "Changed", "minProperties lowered or maxProperties raised."),
  row(
    "request-additional-properties-narrowed",
    "request",
    B,
    "Changed",
    "Properties the schema does not list were accepted (or matched a wider schema); now they are refused.",
  ),
  row(
    "request-additional-properties-widened",
    "request",
    A,
    "Changed",
    "Properties the schema does not list are accepted now.",
  ),
  row("request-variant-added", "request", A, "Changed", "anyOf/oneOf gains a variant: another shape is accepted."),
  row("request-variant-removed", "request", B, "Changed", "Requests in the dropped shape are refused."),
  // ---------------------------------------------------------------- response: statuses, headers, media types
  row(
    "response-status-removed",
    "response",
    B,
    "Removed",
    "The client maps each documented status: a 2xx to its typed result, an error status to a typed body. Code written for this one is left with nothing to match, and a removed 2xx changes what the typed method returns.",
  ),
  row(
    "response-success-status-added",
    "response",
    B,
    "Changed",
    "The typed method reads the documented 2xx: an answer with another 2xx (and maybe another body) reaches code written for the first.",
  ),
  row(
    "response-error-status-added",
    "response",
    A,
    "Added",
    "A newly documented error status: the server could answer it before (the client throws an APIError for any non-2xx); now its body is typed.",
  ),
  row("response-header-added", "response", A, "Added", "Clients that do not read it are unaffected."),
  row("response-header-removed", "response", B, "Removed", "Clients that read it get nothing."),
  row("response-header-became-optional", "response", B, "Changed", "Clients that rely on it may not get it."),
  row("response-header-became-required", "response", A, "Changed", "A stronger promise: it always comes now."),
  row(
    "response-media-type-added",
    "response",
    A,
    "Added",
    "The server may also answer in another content type when asked; clients ask for the one they read (Accept).",
  ),
  row("response-media-type-removed", "response", B, "Removed", "Clients that read that content type no longer get it."),
  // ---------------------------------------------------------------- response: schemas
  row(
    "response-property-added",
    "response",
    A,
    "Added",
    "The object is open (no `additionalProperties: false`): clients accept properties they do not know, so they gain a field and lose nothing.",
  ),
  row(
    "response-closed-object-property-added",
    "response",
    B,
    "Changed",
    "The object was closed (`additionalProperties: false`): the validator of clients built before refuses an answer with the new property.",
  ),
  row(
    "response-property-removed",
    "response",
    B,
    "Removed",
    "Clients that read it get nothing, and its typed field goes away.",
  ),
  row(
    "response-property-became-optional",
    "response",
    B,
    "Changed",
    "Clients that rely on it may not get it; its type becomes optional.",
  ),
  row("response-property-became-required", "response", A, "Changed", "A stronger promise: it always comes now."),
  row(
    "response-property-became-write-only",
    "response",
    B,
    "Removed",
    "It no longer comes back in answers: clients that read it get nothing.",
  ),
  row(
    "response-property-no-longer-write-only",
    "response",
    A,
    "Added",
    "It now comes back in answers; clients that ignore it are unaffected.",
  ),
  row(
    "response-type-widened",
    "response",
    B,
    "Changed",
    "The server may send a type the validator and the types of clients built before refuse.",
  ),
  row(
    "response-type-narrowed",
    "response",
    A,
    "Changed",
    "A stronger promise: every value that comes now was accepted before.",
  ),
  row(
    "response-nullable-added",
    "response",
    B,
    "Changed",
    "The server may send null where clients' validators and types expect a value.",
  ),
  row("response-nullable-removed", "response", A, "Changed", "A stronger promise: null no longer comes."),
  row(
    "response-enum-value-added",
    "response",
    B,
    "Changed",
    `Clients type response enums as closed and their validator refuses a value it does not know. Mark the enum open (\`${OPEN_ENUM_EXTENSION}: true\`) in one release; values added after it are additive.`,
  ),
  row(
    "response-open-enum-value-added",
    "response",
    A,
    "Changed",
    `The enum was marked open (\`${OPEN_ENUM_EXTENSION}\`) in the version clients have: they tolerate values they do not know.`,
  ),
  row(
    "response-enum-value-removed",
    "response",
    A,
    "Changed",
    "A stronger promise: every value that comes now was accepted before (typed code that compares with the removed value may have a branch to drop).",
  ),
  row("response-enum-restricted", "response", A, "Changed", "A stronger promise: the value is one of a list now."),
  row(
    "response-enum-lifted",
    "response",
    B,
    "Changed",
    "Any value of the type may come; clients accept only the listed ones.",
  ),
  row(
    "enum-marked-open",
    "response",
    A,
    "Changed",
    `\`${OPEN_ENUM_EXTENSION}\` set: clients built from now on tolerate values they do not know (their type gains an open case), so later values are additive. Nothing the server sends changes now.`,
  ),
  row(
    "enum-marked-closed",
    "response",
    A,
    "Changed",
    `\`${OPEN_ENUM_EXTENSION}\` lifted: a stronger promise, no value outside the list will come; adding one later is breaking.`,
  ),
  row("response-format-added", "response", A, "Changed", "A stronger promise: values follow the format."),
  row(
    "response-format-removed",
    "response",
    B,
    "Changed",
    "Values the format refused may come, and clients' validators refuse them.",
  ),
  row("response-pattern-added", "response", A, "Changed", "A stronger promise: values match the pattern."),
  row(
    "response-pattern-removed",
    "response",
    B,
    "Changed",
    "Values the pattern refused may come, and clients' validators refuse them.",
  ),
  row(
    "response-length-narrowed",
    "response",
    A,
    "Changed",
    "A stronger promise: every string that comes now was accepted before.",
  ),
  row("response-length-widened", "response", B, "Changed", "Longer or shorter strings than clients accept may come."),
  row(
    "response-range-narrowed",
    "response",
    A,
    "Changed",
    "A stronger promise: every number that comes now was accepted before.",
  ),
  row("response-range-widened", "response", B, "Changed", "Numbers outside the range clients accept may come."),
  row(
    "response-item-count-narrowed",
    "response",
    A,
    "Changed",
    "A stronger promise: every array that comes now was accepted before.",
  ),
  row(
    "response-item-count-widened",
    "response",
    B,
    "Changed",
    "Arrays clients refuse (too long, short or repeating) may come.",
  ),
  row(
    "response-property-count-narrowed",
    "response",
    A,
    "Changed",
    "A stronger promise: every object that comes now was accepted before.",
  ),
  row(
    "response-property-count-widened",
    "response",
    B,
    "Changed",
    "Objects with more or fewer properties than clients accept may come.",
  ),
  row(
    "response-additional-properties-narrowed",
    "response",
    A,
    "Changed",
    "A stronger promise: no property outside the list (or the new schema) comes.",
  ),
  row(
    "response-additional-properties-widened",
    "response",
    B,
    "Changed",
    "The object was closed (or its extra properties held to a schema): answers clients' validators refuse may come.",
  ),
  row(
    "response-variant-added",
    "response",
    B,
    "Changed",
    "anyOf/oneOf gains a variant: the server may send a shape clients refuse.",
  ),
  row("response-variant-removed", "response", A, "Changed", "A stronger promise: one shape fewer may come."),
] as const satisfies readonly RuleRow[];

export type RuleId = (typeof RULES)[number]["id"];
export type Rule = RuleRow & { id: RuleId };

const BY_ID = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

export function ruleOf(id: RuleId): Rule {
  return BY_ID.get(id)!;
}

function row<const Id extends string>(id: Id, side: Side, verdict: Verdict, section: Section, why: string) {
  return { id, side, verdict, section, why };
}
