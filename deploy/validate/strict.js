// Unknown-field detection. The OpenAPI schemas of Kubernetes do not forbid extra properties,
// so a misspelt optional field (`imagePullPolicyy`, `readinesProbe`) passes schema validation
// and is then dropped by the API server. kubernetes-models ships a TypeScript declaration per
// type listing its fields; walking those is the same check as `kubectl apply --validate=strict`.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const cache = new Map();

/** Fields of the first interface in a declaration file, and where its imported types live. */
function readDeclaration(file) {
  if (cache.has(file)) return cache.get(file);
  let result = null;
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "");
    const imports = new Map();
    for (const m of text.matchAll(/import \{ ([^}]+) \} from "([^"]+)";/g)) {
      for (const name of m[1].split(",").map((s) => s.trim())) imports.set(name, m[2]);
    }
    const body = /export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)\n\}/.exec(text);
    if (body) {
      const fields = new Map();
      // Top-level members are indented by four spaces; a map type spans three lines.
      for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: ([^\n]*?)(?:;|\{\n\s+\[key: string\]: ([^;]+);\n\s+\};)$/gm)) {
        fields.set(m[1], m[3] !== undefined ? { map: m[3].trim() } : { type: m[2].trim() });
      }
      result = { fields, imports, dir: path.dirname(file) };
    }
  }
  cache.set(file, result);
  return result;
}

function resolveType(declaration, typeName) {
  const from = declaration.imports.get(typeName);
  if (!from) return null;
  const resolved = from.startsWith(".") ? path.resolve(declaration.dir, from) : require.resolve(from).replace(/\.js$/, "");
  return resolved.replace(/\.d\.ts$/, "") + ".d.ts";
}

function walkValue(value, typeName, declaration, at, errors) {
  const array = /^Array<(.+)>$/.exec(typeName);
  if (array) {
    if (Array.isArray(value)) value.forEach((item, i) => walkValue(item, array[1], declaration, `${at}[${i}]`, errors));
    return;
  }
  const file = resolveType(declaration, typeName);
  if (file) walkObject(value, file, at, errors);
}

function walkObject(value, file, at, errors) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  const declaration = readDeclaration(file);
  if (!declaration) return; // a scalar alias such as IntOrString or Quantity
  for (const [key, child] of Object.entries(value)) {
    const field = declaration.fields.get(key);
    const here = at ? `${at}.${key}` : key;
    if (!field) {
      errors.push(`unknown field ${here}`);
      continue;
    }
    if (field.map) {
      if (child && typeof child === "object") {
        for (const [k, v] of Object.entries(child)) walkValue(v, field.map, declaration, `${here}.${k}`, errors);
      }
    } else {
      walkValue(child, field.type, declaration, here, errors);
    }
  }
}

function checkUnknownFields(object, declarationFile) {
  const errors = [];
  walkObject(object, declarationFile, "", errors);
  return errors;
}

module.exports = { checkUnknownFields };
