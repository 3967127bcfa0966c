// The operators' CRD schemas are not published on a registry this project can use, so their
// resources get a structural check only: known apiVersion/kind, metadata, and the fields this
// deployment relies on. The operators validate the rest when the manifests are applied.
"use strict";

const KNOWN = {
  "postgresql.cnpg.io/v1": {
    Cluster: (spec) => [
      positiveInteger(spec.instances, "spec.instances"),
      nonEmptyString(spec.storage?.size, "spec.storage.size"),
      nonEmptyString(spec.bootstrap?.initdb?.database, "spec.bootstrap.initdb.database"),
      nonEmptyString(spec.bootstrap?.initdb?.owner, "spec.bootstrap.initdb.owner"),
    ],
    Database: (spec) => [
      nonEmptyString(spec.name, "spec.name"),
      nonEmptyString(spec.owner, "spec.owner"),
      nonEmptyString(spec.cluster?.name, "spec.cluster.name"),
    ],
  },
  "rabbitmq.com/v1beta1": {
    RabbitmqCluster: (spec) => [positiveInteger(spec.replicas, "spec.replicas")],
  },
};

function positiveInteger(value, field) {
  return Number.isInteger(value) && value > 0 ? null : `${field} must be a positive integer`;
}

function nonEmptyString(value, field) {
  return typeof value === "string" && value.length > 0 ? null : `${field} is required`;
}

function isCustomResource(apiVersion) {
  return Object.hasOwn(KNOWN, apiVersion);
}

function checkCustomResource(object) {
  const kinds = KNOWN[object.apiVersion];
  const check = kinds[object.kind];
  if (!check) return [`unknown kind ${object.kind} in ${object.apiVersion}`];
  const errors = [];
  if (typeof object.metadata?.name !== "string" || object.metadata.name.length === 0) errors.push("metadata.name is required");
  if (!object.spec || typeof object.spec !== "object") return [...errors, "spec is required"];
  const allowedTop = new Set(["apiVersion", "kind", "metadata", "spec"]);
  for (const key of Object.keys(object)) if (!allowedTop.has(key)) errors.push(`unknown field ${key}`);
  return [...errors, ...check(object.spec).filter(Boolean)].map((e) => `${object.kind}/${object.metadata?.name}: ${e}`);
}

module.exports = { isCustomResource, checkCustomResource };
