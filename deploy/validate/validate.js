#!/usr/bin/env node
// Validates every YAML document under deploy/kubernetes (or the folder given as argument):
//  1. schema: built-in kinds against the Kubernetes OpenAPI schemas shipped by kubernetes-models
//     (types, required fields, enums, formats);
//  2. strict: no field the API does not define (a misspelt optional field is silently dropped by
//     the API server otherwise), walking the models' type declarations;
//  3. operator resources (CloudNativePG, RabbitMQ Cluster Operator), whose CRD schemas are not
//     available here: apiVersion/kind/metadata and the few fields this deployment relies on;
//  4. references: Service selectors, Ingress backends, HPA/PDB targets, Secret and ConfigMap keys,
//     kustomization resources, and the platform's rules for its pods (probes, limits, hardening).
// Exits 1 on any error; prints one line per error and a final PASS/FAIL line.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const YAML = require("yaml");
const { checkUnknownFields } = require("./strict");
const { checkCustomResource, isCustomResource } = require("./custom-resources");
const { checkReferences } = require("./references");

const root = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "kubernetes"));
const errors = [];
const report = (where, message) => errors.push(`${where}: ${message}`);

function yamlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  }).sort();
}

function loadModel(apiVersion, kind) {
  // kubernetes-models lays its classes out as <group>/<version>/<Kind>, the core group as v1/<Kind>.
  if (!/^[a-z0-9.]+(\/[a-z0-9]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
  try {
    const module = require(`kubernetes-models/${apiVersion}/${kind}`);
    return { Model: module[kind], declaration: require.resolve(`kubernetes-models/${apiVersion}/${kind}`).replace(/\.js$/, ".d.ts") };
  } catch {
    return null;
  }
}

const documents = [];
const files = yamlFiles(root);
for (const file of files) {
  const relative = path.relative(process.cwd(), file);
  const parsed = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"), { uniqueKeys: true, prettyErrors: false });
  parsed.forEach((doc, index) => {
    const where = parsed.length > 1 ? `${relative}#${index + 1}` : relative;
    for (const e of doc.errors) report(where, `YAML: ${e.message}`);
    if (doc.errors.length > 0) return;
    const object = doc.toJS();
    if (object === null || object === undefined) return;
    if (typeof object !== "object" || Array.isArray(object)) return report(where, "not a mapping");
    documents.push({ where, file, object });
  });
}

for (const { where, object } of documents) {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    report(where, "apiVersion and kind are required");
    continue;
  }
  if (kind === "Kustomization") continue; // checked with the references
  if (isCustomResource(apiVersion)) {
    for (const message of checkCustomResource(object)) report(where, message);
    continue;
  }
  const model = loadModel(apiVersion, kind);
  if (!model) {
    report(where, `unknown kind ${kind} in ${apiVersion}`);
    continue;
  }
  const name = object.metadata?.name;
  if (typeof name !== "string" || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) {
    report(where, `${kind}: metadata.name must be a DNS-1123 name (got ${JSON.stringify(name)})`);
  }
  try {
    new model.Model(object).validate();
  } catch (e) {
    for (const line of String(e.message).split("\n")) report(where, `${kind}/${name}: schema: ${line}`);
  }
  for (const message of checkUnknownFields(object, model.declaration)) report(where, `${kind}/${name}: ${message}`);
}

for (const [where, message] of checkReferences(documents, root)) report(where, message);

for (const e of errors) console.error(`  ${e}`);
const summary = `${documents.length} documents in ${files.length} files under ${path.relative(process.cwd(), root) || "."}`;
if (errors.length > 0) {
  console.log(`kubernetes manifests: FAIL (${errors.length} error(s), ${summary})`);
  process.exit(1);
}
console.log(`kubernetes manifests: PASS (${summary})`);
