// One before/after fixture per rule of scripts/lib/spec-diff/rules.ts: each case patches a copy
// of test/fixtures/spec-diff/base.yaml into its before (base unless said) and its after, and
// the rule must fire with its verdict and no other rule may (`also`: the few an edit fires by
// necessity, such as a new component).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import type { Change } from "../../../scripts/lib/spec-diff/changes.ts";
import { parseSpec } from "../../../scripts/lib/spec-diff/document.ts";
import { diffSpecs } from "../../../scripts/lib/spec-diff/engine.ts";
import type { RuleId } from "../../../scripts/lib/spec-diff/rules.ts";

// biome-ignore lint/suspicious/noExplicitAny: a fixture patches a parsed document at any depth
export type Doc = any;

export interface Case {
  rule: RuleId;
  title: string;
  before?: (s: Doc) => void;
  after: (s: Doc) => void;
  also?: RuleId[];
  /** the operations the change must name, when the case is about which it reaches */
  operations?: string[];
}

export const BASE_TEXT = readFileSync(
  fileURLToPath(new URL("../../fixtures/spec-diff/base.yaml", import.meta.url)),
  "utf8",
);

/** The base fixture with a patch applied, as YAML. */
export function patched(patch: ((s: Doc) => void) | undefined): string {
  const doc = parse(BASE_TEXT);
  patch?.(doc);
  return stringify(doc);
}

export function diffPatched(before: ((s: Doc) => void) | undefined, after: (s: Doc) => void): Change[] {
  return diffSpecs(parseSpec(patched(before), "before.yaml"), parseSpec(patched(after), "after.yaml"));
}

export const RECIPIENT = "/invitations/recipient";
export const SOURCE = "/invitations/source";
export const RESEND = "/invitations/{entityId}/resend";
const CREATES = ["POST /invitations/recipient", "POST /invitations/source"];
const ALL = [...CREATES, "PUT /invitations/{entityId}/resend"];

export const schema = (s: Doc, name: string) => s.components.schemas[name];
export const prop = (s: Doc, name: string, property: string) => schema(s, name).properties[property];
export const op = (s: Doc, path: string) => (path === RESEND ? s.paths[path].put : s.paths[path].post);
const param = (s: Doc, name: string) => op(s, RESEND).parameters.find((p: Doc) => p.name === name);
const header = (s: Doc) => s.components.responses.Invitation.headers["X-RateLimit-Remaining"];
const body = (s: Doc) => s.components.requestBodies.InvitationRequest;
const addBearer = (s: Doc) => {
  s.components.securitySchemes.Bearer = { type: "http", scheme: "bearer" };
};
const sandbox = (s: Doc) => s.servers.push({ url: "https://sandbox.leadconduit.com" });
const contact = (variants: number) => (s: Doc) => {
  schema(s, "InvitationRequest").properties.contact = {
    anyOf: [{ type: "string", format: "email" }, { type: "integer" }, { type: "boolean" }].slice(0, variants),
  };
};
const noop = () => {};

const OPERATIONS: Case[] = [
  {
    rule: "operation-added",
    title: "a new path",
    after: (s) => {
      s.paths["/invitations/status"] = { get: { operationId: "getStatus", responses: { 200: { description: "OK" } } } };
    },
  },
  {
    rule: "operation-removed",
    title: "a path removed",
    after: (s) => delete s.paths[SOURCE],
    operations: [CREATES[1]!],
  },
  {
    rule: "operation-id-changed",
    title: "an operationId renamed",
    after: (s) => {
      op(s, RECIPIENT).operationId = "inviteRecipient";
    },
  },
  {
    rule: "deprecated",
    title: "an operation deprecated",
    after: (s) => {
      op(s, RESEND).deprecated = true;
    },
  },
  {
    rule: "deprecation-withdrawn",
    title: "a deprecation lifted",
    before: (s) => {
      op(s, RESEND).deprecated = true;
    },
    after: noop,
  },
  { rule: "server-added", title: "a second server", after: sandbox, operations: ALL },
  { rule: "server-removed", title: "a server dropped", before: sandbox, after: noop },
  {
    rule: "security-alternative-added",
    title: "another scheme accepted",
    after: (s) => {
      addBearer(s);
      s.security.push({ Bearer: [] });
    },
    operations: ALL,
  },
  {
    rule: "security-alternative-removed",
    title: "a scheme no longer accepted",
    before: (s) => {
      addBearer(s);
      s.security.push({ Bearer: [] });
    },
    after: addBearer,
  },
  {
    rule: "security-requirement-stricter",
    title: "two schemes at once",
    after: (s) => {
      addBearer(s);
      s.security = [{ APIKey: [], Bearer: [] }];
    },
  },
  {
    rule: "security-requirement-looser",
    title: "one scheme of two dropped",
    before: (s) => {
      addBearer(s);
      s.security = [{ APIKey: [], Bearer: [] }];
    },
    after: addBearer,
  },
  {
    rule: "security-scheme-changed",
    title: "basic becomes bearer",
    after: (s) => {
      s.components.securitySchemes.APIKey.scheme = "bearer";
    },
    operations: ALL,
  },
];

const DOCUMENT: Case[] = [
  {
    rule: "component-added",
    title: "a new schema",
    after: (s) => {
      s.components.schemas.Company = { type: "object" };
    },
  },
  {
    rule: "component-removed",
    title: "a schema removed",
    before: (s) => {
      s.components.schemas.Company = { type: "object" };
    },
    after: noop,
  },
  {
    rule: "info-version-changed",
    title: "a new info.version",
    after: (s) => {
      s.info.version = "1.1.0";
    },
  },
  {
    rule: "info-changed",
    title: "a new title",
    after: (s) => {
      s.info.title = "Invitations";
    },
  },
  {
    rule: "tags-changed",
    title: "a tag described",
    after: (s) => {
      s.tags[0].description = "Invite partners.";
    },
  },
  {
    rule: "description-changed",
    title: "a description edit",
    after: (s) => {
      schema(s, "InvitationRequest").description = "Whom to invite.";
    },
  },
  {
    rule: "example-changed",
    title: "another example",
    after: (s) => {
      body(s).content["application/json"].examples.invitation.value.email = "ann@example.com";
    },
  },
  {
    rule: "docs-link-changed",
    title: "a link to the reference",
    after: (s) => {
      op(s, RECIPIENT).externalDocs = { url: "https://developers.activeprospect.com/" };
    },
  },
  {
    rule: "extension-changed",
    title: "an x- extension",
    after: (s) => {
      op(s, RECIPIENT)["x-internal"] = true;
    },
  },
  {
    rule: "restatement",
    title: "type: [string] for type: string",
    after: (s) => {
      schema(s, "BsonId").type = ["string"];
    },
  },
  {
    rule: "unjudged-change",
    title: "callbacks added",
    after: (s) => {
      op(s, RECIPIENT).callbacks = {
        accepted: { "{$request.body#/url}": { post: { responses: { 200: { description: "OK" } } } } },
      };
    },
  },
  {
    rule: "default-added",
    title: "a default for an optional property",
    after: (s) => {
      prop(s, "InvitationRequest", "kind").default = "buyer";
    },
  },
  {
    rule: "default-changed",
    title: "a query parameter's default flipped",
    after: (s) => {
      param(s, "notify").schema.default = false;
    },
  },
  {
    rule: "access-marker-changed",
    title: "readOnly on a response property",
    after: (s) => {
      prop(s, "Entity", "name").readOnly = true;
    },
  },
  {
    rule: "type-changed",
    title: "integer becomes string",
    after: (s) => {
      prop(s, "Entity", "count").type = "string";
    },
  },
  {
    rule: "format-changed",
    title: "date-time becomes date",
    after: (s) => {
      prop(s, "Entity", "created_at").format = "date";
    },
  },
  {
    rule: "pattern-changed",
    title: "a pattern replaced",
    after: (s) => {
      schema(s, "BsonId").pattern = "^[0-9a-f]{24}$";
    },
  },
];

const PARAMETERS_AND_BODIES: Case[] = [
  {
    rule: "request-parameter-added-required",
    title: "a new required query parameter",
    after: (s) =>
      op(s, RESEND).parameters.push({ name: "reason", in: "query", required: true, schema: { type: "string" } }),
  },
  {
    rule: "request-parameter-added-optional",
    title: "a new optional query parameter",
    after: (s) => op(s, RESEND).parameters.push({ name: "reason", in: "query", schema: { type: "string" } }),
  },
  {
    rule: "request-parameter-removed",
    title: "a query parameter removed",
    after: (s) => {
      op(s, RESEND).parameters.pop();
    },
  },
  {
    rule: "request-parameter-became-required",
    title: "a query parameter required",
    after: (s) => {
      param(s, "notify").required = true;
    },
  },
  {
    rule: "request-parameter-became-optional",
    title: "a query parameter optional",
    before: (s) => {
      param(s, "notify").required = true;
    },
    after: noop,
  },
  {
    rule: "request-parameter-serialization-changed",
    title: "explode turned off",
    after: (s) => {
      param(s, "notify").explode = false;
    },
  },
  {
    rule: "request-body-added-required",
    title: "a required body where there was none",
    after: (s) => {
      op(s, RESEND).requestBody = { required: true, content: { "application/json": { schema: { type: "object" } } } };
    },
  },
  {
    rule: "request-body-added-optional",
    title: "an optional body where there was none",
    after: (s) => {
      op(s, RESEND).requestBody = { content: { "application/json": { schema: { type: "object" } } } };
    },
  },
  { rule: "request-body-removed", title: "a body dropped", after: (s) => delete op(s, SOURCE).requestBody },
  {
    rule: "request-body-became-required",
    title: "a body required",
    before: (s) => {
      body(s).required = false;
    },
    after: noop,
  },
  {
    rule: "request-body-became-optional",
    title: "a body optional",
    after: (s) => {
      body(s).required = false;
    },
    operations: CREATES,
  },
  {
    rule: "request-media-type-added",
    title: "form bodies accepted too",
    after: (s) => {
      body(s).content["application/x-www-form-urlencoded"] = {
        schema: { $ref: "#/components/schemas/InvitationRequest" },
      };
    },
  },
  {
    rule: "request-media-type-removed",
    title: "form bodies no longer accepted",
    before: (s) => {
      body(s).content["application/x-www-form-urlencoded"] = {
        schema: { $ref: "#/components/schemas/InvitationRequest" },
      };
    },
    after: noop,
  },
];

const REQUEST_SCHEMAS: Case[] = [
  {
    rule: "request-property-added-required",
    title: "a new required property",
    after: (s) => {
      schema(s, "InvitationRequest").properties.company = { type: "string" };
      schema(s, "InvitationRequest").required.push("company");
    },
    operations: CREATES,
  },
  {
    rule: "request-property-added-optional",
    title: "a new optional property",
    after: (s) => {
      schema(s, "InvitationRequest").properties.company = { type: "string" };
    },
  },
  {
    rule: "request-property-removed",
    title: "a property removed",
    after: (s) => delete schema(s, "InvitationRequest").properties.note,
  },
  {
    rule: "request-property-became-required",
    title: "a property required",
    after: (s) => schema(s, "InvitationRequest").required.push("kind"),
  },
  {
    rule: "request-property-became-optional",
    title: "a property optional",
    before: (s) => schema(s, "InvitationRequest").required.push("kind"),
    after: noop,
  },
  {
    rule: "request-property-became-read-only",
    title: "a property read-only",
    after: (s) => {
      prop(s, "InvitationRequest", "note").readOnly = true;
    },
  },
  {
    rule: "request-property-no-longer-read-only",
    title: "a property no longer read-only",
    before: (s) => {
      prop(s, "InvitationRequest", "note").readOnly = true;
    },
    after: noop,
  },
  {
    rule: "request-type-narrowed",
    title: "number becomes integer",
    before: (s) => {
      prop(s, "InvitationRequest", "priority").type = "number";
    },
    after: noop,
  },
  {
    rule: "request-type-widened",
    title: "integer becomes number",
    after: (s) => {
      prop(s, "InvitationRequest", "priority").type = "number";
    },
  },
  {
    rule: "request-nullable-removed",
    title: "null no longer accepted",
    after: (s) => {
      prop(s, "InvitationRequest", "note").type = "string";
    },
  },
  {
    rule: "request-nullable-added",
    title: "null accepted",
    after: (s) => {
      prop(s, "InvitationRequest", "email").type = ["string", "null"];
    },
  },
  {
    rule: "request-enum-value-removed",
    title: "an enum value removed",
    after: (s) => {
      prop(s, "InvitationRequest", "kind").enum = ["buyer"];
    },
  },
  {
    rule: "request-enum-value-added",
    title: "an enum value added",
    after: (s) => prop(s, "InvitationRequest", "kind").enum.push("both"),
  },
  {
    rule: "request-enum-restricted",
    title: "free text limited to a list",
    after: (s) => {
      prop(s, "InvitationRequest", "labels").items.enum = ["vip", "new"];
    },
  },
  {
    rule: "request-enum-lifted",
    title: "a list lifted",
    after: (s) => delete prop(s, "InvitationRequest", "kind").enum,
  },
  {
    rule: "request-format-added",
    title: "a format added",
    after: (s) => {
      prop(s, "InvitationRequest", "labels").items.format = "uuid";
    },
  },
  {
    rule: "request-format-removed",
    title: "a format removed",
    after: (s) => delete prop(s, "InvitationRequest", "email").format,
  },
  {
    rule: "request-pattern-added",
    title: "a pattern added",
    after: (s) => {
      prop(s, "InvitationRequest", "labels").items.pattern = "^[a-z]+$";
    },
  },
  {
    rule: "request-pattern-removed",
    title: "a pattern removed",
    before: (s) => {
      prop(s, "InvitationRequest", "labels").items.pattern = "^[a-z]+$";
    },
    after: noop,
  },
  {
    rule: "request-length-narrowed",
    title: "maxLength lowered",
    after: (s) => {
      prop(s, "InvitationRequest", "email").maxLength = 100;
    },
  },
  {
    rule: "request-length-widened",
    title: "minLength lowered",
    after: (s) => {
      prop(s, "InvitationRequest", "email").minLength = 1;
    },
  },
  {
    rule: "request-range-narrowed",
    title: "maximum lowered",
    after: (s) => {
      prop(s, "InvitationRequest", "priority").maximum = 5;
    },
  },
  {
    rule: "request-range-widened",
    title: "minimum dropped",
    after: (s) => delete prop(s, "InvitationRequest", "priority").minimum,
  },
  {
    rule: "request-item-count-narrowed",
    title: "maxItems lowered",
    after: (s) => {
      prop(s, "InvitationRequest", "labels").maxItems = 5;
    },
  },
  {
    rule: "request-item-count-widened",
    title: "maxItems raised",
    after: (s) => {
      prop(s, "InvitationRequest", "labels").maxItems = 20;
    },
  },
  {
    rule: "request-property-count-narrowed",
    title: "maxProperties set",
    after: (s) => {
      prop(s, "InvitationRequest", "settings").maxProperties = 3;
    },
  },
  {
    rule: "request-property-count-widened",
    title: "maxProperties dropped",
    before: (s) => {
      prop(s, "InvitationRequest", "settings").maxProperties = 3;
    },
    after: noop,
  },
  {
    rule: "request-additional-properties-narrowed",
    title: "free-form settings closed",
    after: (s) => {
      prop(s, "InvitationRequest", "settings").additionalProperties = false;
    },
  },
  {
    rule: "request-additional-properties-widened",
    title: "a closed body opened",
    after: (s) => delete schema(s, "InvitationRequest").additionalProperties,
  },
  { rule: "request-variant-added", title: "anyOf gains a variant", before: contact(2), after: contact(3) },
  { rule: "request-variant-removed", title: "anyOf loses a variant", before: contact(3), after: contact(2) },
];

const RESPONSES: Case[] = [
  {
    rule: "response-status-removed",
    title: "a documented 401 removed",
    after: (s) => delete op(s, RESEND).responses["401"],
  },
  {
    rule: "response-success-status-added",
    title: "a new 202",
    after: (s) => {
      op(s, RESEND).responses["202"] = { description: "Accepted" };
    },
  },
  {
    rule: "response-error-status-added",
    title: "a new documented 404",
    after: (s) => {
      op(s, RESEND).responses["404"] = { description: "No such entity" };
    },
  },
  {
    rule: "response-header-added",
    title: "a new header",
    after: (s) => {
      s.components.responses.Invitation.headers["X-Request-Id"] = { schema: { type: "string" } };
    },
    operations: ALL,
  },
  {
    rule: "response-header-removed",
    title: "a header removed",
    after: (s) => delete s.components.responses.Invitation.headers["X-RateLimit-Remaining"],
  },
  {
    rule: "response-header-became-optional",
    title: "a header optional",
    after: (s) => {
      header(s).required = false;
    },
  },
  {
    rule: "response-header-became-required",
    title: "a header required",
    before: (s) => {
      header(s).required = false;
    },
    after: noop,
  },
  {
    rule: "response-media-type-added",
    title: "XML offered too",
    after: (s) => {
      s.components.responses.Invitation.content["application/xml"] = { schema: { type: "string" } };
    },
  },
  {
    rule: "response-media-type-removed",
    title: "XML no longer offered",
    before: (s) => {
      s.components.responses.Invitation.content["application/xml"] = { schema: { type: "string" } };
    },
    after: noop,
  },
];

const RESPONSE_SCHEMAS: Case[] = [
  {
    rule: "response-property-added",
    title: "a new optional property in an open object",
    after: (s) => {
      schema(s, "InvitationResponse").properties.note = { type: "string" };
    },
    operations: ALL,
  },
  {
    rule: "response-closed-object-property-added",
    title: "a new property in a closed object",
    after: (s) => {
      schema(s, "ErrorEnvelope").properties.code = { type: "string" };
    },
  },
  {
    rule: "response-property-removed",
    title: "a property removed",
    after: (s) => delete schema(s, "Entity").properties.description,
  },
  {
    rule: "response-property-became-optional",
    title: "a property optional",
    after: (s) => {
      schema(s, "Entity").required = ["id", "name"];
    },
  },
  {
    rule: "response-property-became-required",
    title: "a property required",
    after: (s) => schema(s, "Entity").required.push("description"),
  },
  {
    rule: "response-property-became-write-only",
    title: "a property write-only",
    after: (s) => {
      prop(s, "Entity", "description").writeOnly = true;
    },
  },
  {
    rule: "response-property-no-longer-write-only",
    title: "a property no longer write-only",
    before: (s) => {
      prop(s, "Entity", "description").writeOnly = true;
    },
    after: noop,
  },
  {
    rule: "response-type-widened",
    title: "integer becomes number",
    after: (s) => {
      prop(s, "Entity", "count").type = "number";
    },
  },
  {
    rule: "response-type-narrowed",
    title: "number becomes integer",
    before: (s) => {
      prop(s, "Entity", "count").type = "number";
    },
    after: noop,
  },
  {
    rule: "response-nullable-added",
    title: "null may come",
    after: (s) => {
      prop(s, "Entity", "name").type = ["string", "null"];
    },
  },
  {
    rule: "response-nullable-removed",
    title: "the null variant of anyOf dropped",
    after: (s) => {
      schema(s, "Entity").properties.invitation_id = { $ref: "#/components/schemas/BsonId" };
    },
  },
  {
    rule: "response-enum-value-added",
    title: "a closed enum gains a value",
    after: (s) => {
      prop(s, "Entity", "source").enum = ["form", "seller", "other", null];
    },
  },
  {
    rule: "response-open-enum-value-added",
    title: "an open enum gains a value",
    after: (s) => {
      prop(s, "Entity", "recipient").enum = ["buyer", "crm", "esp", null];
    },
  },
  {
    rule: "response-enum-value-removed",
    title: "an enum loses a value",
    after: (s) => {
      prop(s, "Entity", "source").enum = ["form", null];
    },
  },
  {
    rule: "response-enum-restricted",
    title: "free text limited to a list",
    after: (s) => {
      prop(s, "Entity", "description").enum = ["buyer", "seller"];
    },
  },
  {
    rule: "response-enum-lifted",
    title: "a list lifted",
    after: (s) => delete prop(s, "Entity", "source").enum,
  },
  {
    rule: "enum-marked-open",
    title: "an enum marked open",
    after: (s) => {
      prop(s, "Entity", "source")["x-leadconduit-open-enum"] = true;
    },
  },
  {
    rule: "enum-marked-closed",
    title: "an enum no longer open",
    after: (s) => delete prop(s, "Entity", "recipient")["x-leadconduit-open-enum"],
  },
  {
    rule: "response-format-added",
    title: "a format added",
    after: (s) => {
      prop(s, "Entity", "description").format = "uri";
    },
  },
  {
    rule: "response-format-removed",
    title: "a format removed",
    after: (s) => delete prop(s, "Entity", "created_at").format,
  },
  {
    rule: "response-pattern-added",
    title: "a pattern added",
    after: (s) => {
      prop(s, "Entity", "name").pattern = "^[A-Z]";
    },
  },
  {
    rule: "response-pattern-removed",
    title: "a pattern removed",
    before: (s) => {
      prop(s, "Entity", "name").pattern = "^[A-Z]";
    },
    after: noop,
  },
  {
    rule: "response-length-narrowed",
    title: "maxLength lowered",
    after: (s) => {
      prop(s, "Entity", "name").maxLength = 50;
    },
  },
  {
    rule: "response-length-widened",
    title: "maxLength raised",
    after: (s) => {
      prop(s, "Entity", "name").maxLength = 200;
    },
  },
  {
    rule: "response-range-narrowed",
    title: "a maximum set",
    after: (s) => {
      prop(s, "Entity", "count").maximum = 1000;
    },
  },
  {
    rule: "response-range-widened",
    title: "the minimum dropped",
    after: (s) => delete prop(s, "Entity", "count").minimum,
  },
  {
    rule: "response-item-count-narrowed",
    title: "maxItems set",
    after: (s) => {
      prop(s, "Entity", "flow_ids").maxItems = 100;
    },
  },
  {
    rule: "response-item-count-widened",
    title: "maxItems dropped",
    before: (s) => {
      prop(s, "Entity", "flow_ids").maxItems = 100;
    },
    after: noop,
  },
  {
    rule: "response-property-count-narrowed",
    title: "maxProperties lowered",
    after: (s) => {
      prop(s, "Entity", "meta").maxProperties = 3;
    },
  },
  {
    rule: "response-property-count-widened",
    title: "maxProperties raised",
    after: (s) => {
      prop(s, "Entity", "meta").maxProperties = 10;
    },
  },
  {
    rule: "response-additional-properties-narrowed",
    title: "an open object closed",
    after: (s) => {
      schema(s, "Entity").additionalProperties = false;
    },
  },
  {
    rule: "response-additional-properties-widened",
    title: "a closed object opened",
    after: (s) => delete schema(s, "ErrorEnvelope").additionalProperties,
  },
  {
    rule: "response-variant-added",
    title: "oneOf gains a variant",
    after: (s) => prop(s, "Entity", "shape").oneOf.push({ type: "object", properties: { base: { type: "number" } } }),
  },
  {
    rule: "response-variant-removed",
    title: "oneOf loses a variant",
    after: (s) => {
      prop(s, "Entity", "shape").oneOf = [{ $ref: "#/components/schemas/Circle" }];
    },
  },
];

export const CASES: Case[] = [
  ...OPERATIONS,
  ...DOCUMENT,
  ...PARAMETERS_AND_BODIES,
  ...REQUEST_SCHEMAS,
  ...RESPONSES,
  ...RESPONSE_SCHEMAS,
];
