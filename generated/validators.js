// Generated from spec/leadconduit.yaml by `npm run generate` (scripts/lib/generate/). Do not edit.
// <tmp>/standalone.mjs
function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 55296 && value <= 56319 && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 64512) === 56320)
        pos++;
    }
  }
  return length;
}
var BsonId_path = validate53;
var pattern3 = new RegExp("^[0-9a-fA-F]{24}$", "u");
function validate53(data, { instancePath = "" } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data === "string") {
    if (!pattern3.test(data)) {
      const err0 = { instancePath, keyword: "pattern", message: 'must match pattern "^[0-9a-fA-F]{24}$"' };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = { instancePath, keyword: "type", message: "must be string" };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate53.errors = vErrors;
  return errors === 0;
}
var InvitationRequest_body = validate54;
var formats0 = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
var func1 = ucs2length;
function validate54(data, { instancePath = "" } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.email === void 0) {
      const err0 = { instancePath, keyword: "required", params: { missingProperty: "email" }, message: "must have required property 'email'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "email")) {
        const err1 = { instancePath, keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.email !== void 0) {
      let data0 = data.email;
      if (typeof data0 === "string") {
        if (func1(data0) > 254) {
          const err2 = { instancePath: instancePath + "/email", keyword: "maxLength", message: "must NOT have more than 254 characters" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (func1(data0) < 3) {
          const err3 = { instancePath: instancePath + "/email", keyword: "minLength", message: "must NOT have fewer than 3 characters" };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (!formats0.test(data0)) {
          const err4 = { instancePath: instancePath + "/email", keyword: "format", message: 'must match format "email"' };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/email", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = { instancePath, keyword: "type", message: "must be object" };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate54.errors = vErrors;
  return errors === 0;
}
var InvitationResponse_shape = validate56;
function validate58(data, { instancePath = "" } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== "string") {
    const err0 = { instancePath, keyword: "type", message: "must be string" };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate58.errors = vErrors;
  return errors === 0;
}
function validate57(data, { instancePath = "" } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err1 = { instancePath, keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.module_ids === void 0) {
      const err2 = { instancePath, keyword: "required", params: { missingProperty: "module_ids" }, message: "must have required property 'module_ids'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.source === void 0) {
      const err3 = { instancePath, keyword: "required", params: { missingProperty: "source" }, message: "must have required property 'source'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.recipient === void 0) {
      const err4 = { instancePath, keyword: "required", params: { missingProperty: "recipient" }, message: "must have required property 'recipient'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.id !== void 0) {
      if (!validate58(data.id, { instancePath: instancePath + "/id" })) {
        vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
        errors = vErrors.length;
      }
    }
    if (data.name !== void 0) {
      if (typeof data.name !== "string") {
        const err5 = { instancePath: instancePath + "/name", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      if (typeof data.description !== "string") {
        const err6 = { instancePath: instancePath + "/description", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.module_ids !== void 0) {
      let data3 = data.module_ids;
      if (Array.isArray(data3)) {
        const len0 = data3.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (typeof data3[i0] !== "string") {
            const err7 = { instancePath: instancePath + "/module_ids/" + i0, keyword: "type", message: "must be string" };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
      } else {
        const err8 = { instancePath: instancePath + "/module_ids", keyword: "type", message: "must be array" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.source !== void 0) {
      let data5 = data.source;
      if (typeof data5 !== "string" && data5 !== null) {
        const err9 = { instancePath: instancePath + "/source", keyword: "type", message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.recipient !== void 0) {
      let data6 = data.recipient;
      if (typeof data6 !== "string" && data6 !== null) {
        const err10 = { instancePath: instancePath + "/recipient", keyword: "type", message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.standard !== void 0) {
      if (typeof data.standard !== "boolean") {
        const err11 = { instancePath: instancePath + "/standard", keyword: "type", message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.account !== void 0) {
      let data8 = data.account;
      if (typeof data8 !== "boolean" && data8 !== null) {
        const err12 = { instancePath: instancePath + "/account", keyword: "type", message: "must be boolean,null" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.pending !== void 0) {
      if (typeof data.pending !== "boolean") {
        const err13 = { instancePath: instancePath + "/pending", keyword: "type", message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.connected !== void 0) {
      let data10 = data.connected;
      if (typeof data10 !== "string" && data10 !== null) {
        const err14 = { instancePath: instancePath + "/connected", keyword: "type", message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
      if (!(data10 === "seller" || data10 === "buyer" || data10 === "both" || data10 === null)) {
        const err15 = { instancePath: instancePath + "/connected", keyword: "enum", message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.connected_account_id !== void 0) {
      if (!validate58(data.connected_account_id, { instancePath: instancePath + "/connected_account_id" })) {
        vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
        errors = vErrors.length;
      }
    }
    if (data.deprecated !== void 0) {
      if (typeof data.deprecated !== "boolean") {
        const err16 = { instancePath: instancePath + "/deprecated", keyword: "type", message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.see !== void 0) {
      if (!validate58(data.see, { instancePath: instancePath + "/see" })) {
        vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
        errors = vErrors.length;
      }
    }
    if (data.field_suffix !== void 0) {
      let data14 = data.field_suffix;
      if (typeof data14 !== "string" && data14 !== null) {
        const err17 = { instancePath: instancePath + "/field_suffix", keyword: "type", message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.invitation_id !== void 0) {
      let data15 = data.invitation_id;
      const _errs29 = errors;
      let valid3 = false;
      const _errs30 = errors;
      if (!validate58(data15, { instancePath: instancePath + "/invitation_id" })) {
        vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
        errors = vErrors.length;
      }
      var _valid0 = _errs30 === errors;
      valid3 = valid3 || _valid0;
      if (!valid3) {
        const _errs31 = errors;
        if (data15 !== null) {
          const err18 = { instancePath: instancePath + "/invitation_id", keyword: "type", message: "must be null" };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        var _valid0 = _errs31 === errors;
        valid3 = valid3 || _valid0;
      }
      if (!valid3) {
        const err19 = { instancePath: instancePath + "/invitation_id", keyword: "anyOf", message: "must match a schema in anyOf" };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      } else {
        errors = _errs29;
        if (vErrors !== null) {
          if (_errs29) {
            vErrors.length = _errs29;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.invitation_expires_at !== void 0) {
      let data16 = data.invitation_expires_at;
      if (typeof data16 !== "string" && data16 !== null) {
        const err20 = { instancePath: instancePath + "/invitation_expires_at", keyword: "type", message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.expired !== void 0) {
      if (typeof data.expired !== "boolean") {
        const err21 = { instancePath: instancePath + "/expired", keyword: "type", message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.flow_ids !== void 0) {
      let data18 = data.flow_ids;
      if (Array.isArray(data18)) {
        const len1 = data18.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate58(data18[i1], { instancePath: instancePath + "/flow_ids/" + i1 })) {
            vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err22 = { instancePath: instancePath + "/flow_ids", keyword: "type", message: "must be array" };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.logo_url !== void 0) {
      if (typeof data.logo_url !== "string") {
        const err23 = { instancePath: instancePath + "/logo_url", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.time_zone !== void 0) {
      if (typeof data.time_zone !== "string") {
        const err24 = { instancePath: instancePath + "/time_zone", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    if (data.trustedform_certified_vendor !== void 0) {
      if (typeof data.trustedform_certified_vendor !== "boolean") {
        const err25 = { instancePath: instancePath + "/trustedform_certified_vendor", keyword: "type", message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.website !== void 0) {
      if (typeof data.website !== "string") {
        const err26 = { instancePath: instancePath + "/website", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.created_at !== void 0) {
      if (typeof data.created_at !== "string") {
        const err27 = { instancePath: instancePath + "/created_at", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.updated_at !== void 0) {
      if (typeof data.updated_at !== "string") {
        const err28 = { instancePath: instancePath + "/updated_at", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
  } else {
    const err29 = { instancePath, keyword: "type", message: "must be object" };
    if (vErrors === null) {
      vErrors = [err29];
    } else {
      vErrors.push(err29);
    }
    errors++;
  }
  validate57.errors = vErrors;
  return errors === 0;
}
function validate56(data, { instancePath = "" } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.message === void 0) {
      const err0 = { instancePath, keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.entity === void 0) {
      const err1 = { instancePath, keyword: "required", params: { missingProperty: "entity" }, message: "must have required property 'entity'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.message !== void 0) {
      if (typeof data.message !== "string") {
        const err2 = { instancePath: instancePath + "/message", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.entity !== void 0) {
      if (!validate57(data.entity, { instancePath: instancePath + "/entity" })) {
        vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err3 = { instancePath, keyword: "type", message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate56.errors = vErrors;
  return errors === 0;
}
var InvitationResponse_success = validate65;
var pattern4 = new RegExp("^[0-9a-zA-Z]+$", "u");
var formats2 = /^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i;
var formats4 = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i;
function validate66(data, { instancePath = "" } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === void 0) {
      const err1 = { instancePath, keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.module_ids === void 0) {
      const err2 = { instancePath, keyword: "required", params: { missingProperty: "module_ids" }, message: "must have required property 'module_ids'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.source === void 0) {
      const err3 = { instancePath, keyword: "required", params: { missingProperty: "source" }, message: "must have required property 'source'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.recipient === void 0) {
      const err4 = { instancePath, keyword: "required", params: { missingProperty: "recipient" }, message: "must have required property 'recipient'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.id !== void 0) {
      if (!validate53(data.id, { instancePath: instancePath + "/id" })) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data.name !== void 0) {
      if (typeof data.name !== "string") {
        const err5 = { instancePath: instancePath + "/name", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      if (typeof data.description !== "string") {
        const err6 = { instancePath: instancePath + "/description", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.module_ids !== void 0) {
      let data3 = data.module_ids;
      if (Array.isArray(data3)) {
        const len0 = data3.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (typeof data3[i0] !== "string") {
            const err7 = { instancePath: instancePath + "/module_ids/" + i0, keyword: "type", message: "must be string" };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
      } else {
        const err8 = { instancePath: instancePath + "/module_ids", keyword: "type", message: "must be array" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.source !== void 0) {
      let data5 = data.source;
      if (typeof data5 !== "string" && data5 !== null) {
        const err9 = { instancePath: instancePath + "/source", keyword: "type", message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      if (!(data5 === "form" || data5 === "seller" || data5 === "other" || data5 === null)) {
        const err10 = { instancePath: instancePath + "/source", keyword: "enum", message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.recipient !== void 0) {
      let data6 = data.recipient;
      if (typeof data6 !== "string" && data6 !== null) {
        const err11 = { instancePath: instancePath + "/recipient", keyword: "type", message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      if (!(data6 === "buyer" || data6 === "crm" || data6 === "analytics" || data6 === "enhancement" || data6 === "esp" || data6 === "other" || data6 === null)) {
        const err12 = { instancePath: instancePath + "/recipient", keyword: "enum", message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.standard !== void 0) {
      if (typeof data.standard !== "boolean") {
        const err13 = { instancePath: instancePath + "/standard", keyword: "type", message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.account !== void 0) {
      let data8 = data.account;
      if (typeof data8 !== "boolean" && data8 !== null) {
        const err14 = { instancePath: instancePath + "/account", keyword: "type", message: "must be boolean,null" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.pending !== void 0) {
      if (typeof data.pending !== "boolean") {
        const err15 = { instancePath: instancePath + "/pending", keyword: "type", message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.connected !== void 0) {
      let data10 = data.connected;
      if (typeof data10 !== "string" && data10 !== null) {
        const err16 = { instancePath: instancePath + "/connected", keyword: "type", message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (!(data10 === "seller" || data10 === "buyer" || data10 === "both" || data10 === null)) {
        const err17 = { instancePath: instancePath + "/connected", keyword: "enum", message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.connected_account_id !== void 0) {
      if (!validate53(data.connected_account_id, { instancePath: instancePath + "/connected_account_id" })) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data.deprecated !== void 0) {
      if (typeof data.deprecated !== "boolean") {
        const err18 = { instancePath: instancePath + "/deprecated", keyword: "type", message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.see !== void 0) {
      if (!validate53(data.see, { instancePath: instancePath + "/see" })) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data.field_suffix !== void 0) {
      let data14 = data.field_suffix;
      if (typeof data14 !== "string" && data14 !== null) {
        const err19 = { instancePath: instancePath + "/field_suffix", keyword: "type", message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
      if (typeof data14 === "string") {
        if (func1(data14) > 5) {
          const err20 = { instancePath: instancePath + "/field_suffix", keyword: "maxLength", message: "must NOT have more than 5 characters" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        if (func1(data14) < 3) {
          const err21 = { instancePath: instancePath + "/field_suffix", keyword: "minLength", message: "must NOT have fewer than 3 characters" };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
        if (!pattern4.test(data14)) {
          const err22 = { instancePath: instancePath + "/field_suffix", keyword: "pattern", message: 'must match pattern "^[0-9a-zA-Z]+$"' };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      }
    }
    if (data.invitation_id !== void 0) {
      let data15 = data.invitation_id;
      const _errs29 = errors;
      let valid3 = false;
      const _errs30 = errors;
      if (!validate53(data15, { instancePath: instancePath + "/invitation_id" })) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
      var _valid0 = _errs30 === errors;
      valid3 = valid3 || _valid0;
      if (!valid3) {
        const _errs31 = errors;
        if (data15 !== null) {
          const err23 = { instancePath: instancePath + "/invitation_id", keyword: "type", message: "must be null" };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
        var _valid0 = _errs31 === errors;
        valid3 = valid3 || _valid0;
      }
      if (!valid3) {
        const err24 = { instancePath: instancePath + "/invitation_id", keyword: "anyOf", message: "must match a schema in anyOf" };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      } else {
        errors = _errs29;
        if (vErrors !== null) {
          if (_errs29) {
            vErrors.length = _errs29;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.invitation_expires_at !== void 0) {
      let data16 = data.invitation_expires_at;
      if (typeof data16 !== "string" && data16 !== null) {
        const err25 = { instancePath: instancePath + "/invitation_expires_at", keyword: "type", message: "must be string,null" };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
      if (typeof data16 === "string") {
        if (!formats2.test(data16)) {
          const err26 = { instancePath: instancePath + "/invitation_expires_at", keyword: "format", message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      }
    }
    if (data.expired !== void 0) {
      if (typeof data.expired !== "boolean") {
        const err27 = { instancePath: instancePath + "/expired", keyword: "type", message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.flow_ids !== void 0) {
      let data18 = data.flow_ids;
      if (Array.isArray(data18)) {
        const len1 = data18.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate53(data18[i1], { instancePath: instancePath + "/flow_ids/" + i1 })) {
            vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err28 = { instancePath: instancePath + "/flow_ids", keyword: "type", message: "must be array" };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
    if (data.logo_url !== void 0) {
      let data20 = data.logo_url;
      if (typeof data20 === "string") {
        if (!formats4.test(data20)) {
          const err29 = { instancePath: instancePath + "/logo_url", keyword: "format", message: 'must match format "uri"' };
          if (vErrors === null) {
            vErrors = [err29];
          } else {
            vErrors.push(err29);
          }
          errors++;
        }
      } else {
        const err30 = { instancePath: instancePath + "/logo_url", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.time_zone !== void 0) {
      if (typeof data.time_zone !== "string") {
        const err31 = { instancePath: instancePath + "/time_zone", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
    }
    if (data.trustedform_certified_vendor !== void 0) {
      if (typeof data.trustedform_certified_vendor !== "boolean") {
        const err32 = { instancePath: instancePath + "/trustedform_certified_vendor", keyword: "type", message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
    }
    if (data.website !== void 0) {
      let data23 = data.website;
      if (typeof data23 === "string") {
        if (!formats4.test(data23)) {
          const err33 = { instancePath: instancePath + "/website", keyword: "format", message: 'must match format "uri"' };
          if (vErrors === null) {
            vErrors = [err33];
          } else {
            vErrors.push(err33);
          }
          errors++;
        }
      } else {
        const err34 = { instancePath: instancePath + "/website", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
    if (data.created_at !== void 0) {
      let data24 = data.created_at;
      if (typeof data24 === "string") {
        if (!formats2.test(data24)) {
          const err35 = { instancePath: instancePath + "/created_at", keyword: "format", message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err35];
          } else {
            vErrors.push(err35);
          }
          errors++;
        }
      } else {
        const err36 = { instancePath: instancePath + "/created_at", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err36];
        } else {
          vErrors.push(err36);
        }
        errors++;
      }
    }
    if (data.updated_at !== void 0) {
      let data25 = data.updated_at;
      if (typeof data25 === "string") {
        if (!formats2.test(data25)) {
          const err37 = { instancePath: instancePath + "/updated_at", keyword: "format", message: 'must match format "date-time"' };
          if (vErrors === null) {
            vErrors = [err37];
          } else {
            vErrors.push(err37);
          }
          errors++;
        }
      } else {
        const err38 = { instancePath: instancePath + "/updated_at", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
  } else {
    const err39 = { instancePath, keyword: "type", message: "must be object" };
    if (vErrors === null) {
      vErrors = [err39];
    } else {
      vErrors.push(err39);
    }
    errors++;
  }
  validate66.errors = vErrors;
  return errors === 0;
}
function validate65(data, { instancePath = "" } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.message === void 0) {
      const err0 = { instancePath, keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.entity === void 0) {
      const err1 = { instancePath, keyword: "required", params: { missingProperty: "entity" }, message: "must have required property 'entity'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.message !== void 0) {
      if (typeof data.message !== "string") {
        const err2 = { instancePath: instancePath + "/message", keyword: "type", message: "must be string" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.entity !== void 0) {
      if (!validate66(data.entity, { instancePath: instancePath + "/entity" })) {
        vErrors = vErrors === null ? validate66.errors : vErrors.concat(validate66.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err3 = { instancePath, keyword: "type", message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate65.errors = vErrors;
  return errors === 0;
}
var InvitationResponse_unlisted = validate74;
var schema30 = { "type": "object", "properties": { "id": { "$ref": "leadconduit-unlisted.json#/$defs/BsonId" }, "name": {}, "description": {}, "module_ids": { "type": "array", "items": {} }, "source": { "x-leadconduit-open-enum": true }, "recipient": { "x-leadconduit-open-enum": true }, "standard": {}, "account": {}, "pending": {}, "connected": {}, "connected_account_id": { "$ref": "leadconduit-unlisted.json#/$defs/BsonId" }, "deprecated": {}, "see": { "$ref": "leadconduit-unlisted.json#/$defs/BsonId" }, "field_suffix": {}, "invitation_id": { "anyOf": [{ "$ref": "leadconduit-unlisted.json#/$defs/BsonId" }, {}] }, "invitation_expires_at": {}, "expired": {}, "flow_ids": { "type": "array", "items": { "$ref": "leadconduit-unlisted.json#/$defs/BsonId" } }, "logo_url": {}, "time_zone": {}, "trustedform_certified_vendor": {}, "website": {}, "created_at": {}, "updated_at": {} }, "additionalProperties": false };
var func5 = Object.prototype.hasOwnProperty;
function validate76(data, { instancePath = "" } = {}) {
  validate76.errors = null;
  return true;
}
function validate75(data, { instancePath = "" } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func5.call(schema30.properties, key0)) {
        const err0 = { instancePath, keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      if (!validate76(data.id, { instancePath: instancePath + "/id" })) {
        vErrors = vErrors === null ? validate76.errors : vErrors.concat(validate76.errors);
        errors = vErrors.length;
      }
    }
    if (data.module_ids !== void 0) {
      if (!Array.isArray(data.module_ids)) {
        const err1 = { instancePath: instancePath + "/module_ids", keyword: "type", message: "must be array" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.connected_account_id !== void 0) {
      if (!validate76(data.connected_account_id, { instancePath: instancePath + "/connected_account_id" })) {
        vErrors = vErrors === null ? validate76.errors : vErrors.concat(validate76.errors);
        errors = vErrors.length;
      }
    }
    if (data.see !== void 0) {
      if (!validate76(data.see, { instancePath: instancePath + "/see" })) {
        vErrors = vErrors === null ? validate76.errors : vErrors.concat(validate76.errors);
        errors = vErrors.length;
      }
    }
    if (data.flow_ids !== void 0) {
      let data5 = data.flow_ids;
      if (Array.isArray(data5)) {
        const len0 = data5.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate76(data5[i0], { instancePath: instancePath + "/flow_ids/" + i0 })) {
            vErrors = vErrors === null ? validate76.errors : vErrors.concat(validate76.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err2 = { instancePath: instancePath + "/flow_ids", keyword: "type", message: "must be array" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
  } else {
    const err3 = { instancePath, keyword: "type", message: "must be object" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate75.errors = vErrors;
  return errors === 0;
}
function validate74(data, { instancePath = "" } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "message" || key0 === "entity")) {
        const err0 = { instancePath, keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.entity !== void 0) {
      if (!validate75(data.entity, { instancePath: instancePath + "/entity" })) {
        vErrors = vErrors === null ? validate75.errors : vErrors.concat(validate75.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err1 = { instancePath, keyword: "type", message: "must be object" };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate74.errors = vErrors;
  return errors === 0;
}

// <tmp>/entry.mjs
var operations = {
  createRecipientInvitation: {
    body: InvitationRequest_body,
    pathParams: {},
    queryParams: {},
    requiredQuery: [],
    statuses: ["200", "401"],
    shape: InvitationResponse_shape,
    success: InvitationResponse_success,
    unlisted: InvitationResponse_unlisted
  },
  createSourceInvitation: {
    body: InvitationRequest_body,
    pathParams: {},
    queryParams: {},
    requiredQuery: [],
    statuses: ["200", "401"],
    shape: InvitationResponse_shape,
    success: InvitationResponse_success,
    unlisted: InvitationResponse_unlisted
  },
  resendInvitation: {
    body: void 0,
    pathParams: { "entityId": BsonId_path },
    queryParams: {},
    requiredQuery: [],
    statuses: ["200", "401"],
    shape: InvitationResponse_shape,
    success: InvitationResponse_success,
    unlisted: InvitationResponse_unlisted
  }
};
var routes = { "createRecipientInvitation": { "method": "POST", "path": "/invitations/recipient" }, "createSourceInvitation": { "method": "POST", "path": "/invitations/source" }, "resendInvitation": { "method": "PUT", "path": "/invitations/{entityId}/resend" } };
export {
  operations,
  routes
};
