// Checks across documents that no schema can express: what points at what, and the rules every
// Ticketing pod follows (docs/operations.md): probes, limits, hardening, no start-up migrations.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const matches = (selector, labels) =>
  selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

function checkReferences(documents, root) {
  const errors = [];
  const byKind = (kind) => documents.filter((d) => d.object.kind === kind);
  const find = (kind, name) => byKind(kind).find((d) => d.object.metadata?.name === name);
  const deployments = byKind("Deployment");
  const podLabels = deployments.map((d) => d.object.spec?.template?.metadata?.labels ?? {});

  for (const { where, file, object } of byKind("Kustomization")) {
    for (const resource of object.resources ?? []) {
      if (!fs.existsSync(path.resolve(path.dirname(file), resource))) errors.push([where, `resource ${resource} does not exist`]);
    }
  }

  for (const { where, object } of byKind("Service")) {
    const selector = object.spec?.selector;
    const target = deployments.find((d) => matches(selector, d.object.spec?.template?.metadata?.labels));
    if (!target) {
      errors.push([where, `Service/${object.metadata?.name}: selector matches no Deployment`]);
      continue;
    }
    const portNames = (target.object.spec.template.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.name));
    for (const port of object.spec?.ports ?? []) {
      if (typeof port.targetPort === "string" && !portNames.includes(port.targetPort)) {
        errors.push([where, `Service/${object.metadata.name}: targetPort ${port.targetPort} is no container port of ${target.object.metadata.name}`]);
      }
    }
  }

  for (const { where, object } of byKind("Ingress")) {
    for (const rule of object.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const backend = p.backend?.service;
        const service = backend && find("Service", backend.name);
        if (!service) {
          errors.push([where, `Ingress/${object.metadata?.name}: ${p.path} -> unknown Service ${backend?.name}`]);
        } else if (backend.port?.name && !(service.object.spec?.ports ?? []).some((sp) => sp.name === backend.port.name)) {
          errors.push([where, `Ingress/${object.metadata?.name}: ${p.path} -> Service ${backend.name} has no port ${backend.port.name}`]);
        }
      }
    }
  }

  for (const { where, object } of byKind("HorizontalPodAutoscaler")) {
    const ref = object.spec?.scaleTargetRef;
    if (ref?.kind !== "Deployment" || !find("Deployment", ref.name)) {
      errors.push([where, `HorizontalPodAutoscaler/${object.metadata?.name}: target ${ref?.kind}/${ref?.name} not found`]);
    }
  }

  for (const { where, object } of byKind("PodDisruptionBudget")) {
    if (!podLabels.some((labels) => matches(object.spec?.selector?.matchLabels, labels))) {
      errors.push([where, `PodDisruptionBudget/${object.metadata?.name}: selector matches no Deployment`]);
    }
  }

  for (const doc of [...deployments, ...byKind("Job")]) checkPod(doc, find, errors);
  return errors;
}

function checkPod({ where, object }, find, errors) {
  const name = `${object.kind}/${object.metadata?.name}`;
  const fail = (message) => errors.push([where, `${name}: ${message}`]);
  const pod = object.spec?.template?.spec ?? {};
  if (pod.securityContext?.runAsNonRoot !== true) fail("pod securityContext.runAsNonRoot must be true");
  const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]));
  for (const volume of volumes.values()) {
    if (volume.secret && !find("Secret", volume.secret.secretName)) fail(`volume ${volume.name}: no Secret ${volume.secret.secretName}`);
  }

  for (const c of pod.containers ?? []) {
    const at = `container ${c.name}`;
    const sc = c.securityContext ?? {};
    if (sc.allowPrivilegeEscalation !== false) fail(`${at}: allowPrivilegeEscalation must be false`);
    if (sc.readOnlyRootFilesystem !== true) fail(`${at}: readOnlyRootFilesystem must be true`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) fail(`${at}: capabilities must drop ALL`);
    if (!c.resources?.requests?.memory || !c.resources?.limits?.memory) fail(`${at}: memory request and limit are required`);
    const mounts = new Map((c.volumeMounts ?? []).map((m) => [m.mountPath, m.name]));
    for (const [mountPath, volume] of mounts) if (!volumes.has(volume)) fail(`${at}: volumeMount ${mountPath} uses undeclared volume ${volume}`);
    for (const required of ["/data", "/tmp"]) {
      if (!volumes.get(mounts.get(required))?.emptyDir) fail(`${at}: ${required} must be an emptyDir (read-only root file system)`);
    }

    const environment = {};
    for (const source of c.envFrom ?? []) {
      const ref = source.configMapRef ?? source.secretRef;
      const kind = source.configMapRef ? "ConfigMap" : "Secret";
      const target = ref && find(kind, ref.name);
      if (!target && !ref?.optional) fail(`${at}: envFrom ${kind} ${ref?.name} not found`);
      Object.assign(environment, target?.object.data ?? {}, target?.object.stringData ?? {});
    }
    for (const variable of c.env ?? []) {
      if ("value" in variable) environment[variable.name] = variable.value;
      const ref = variable.valueFrom?.secretKeyRef ?? variable.valueFrom?.configMapKeyRef;
      if (!ref || ref.optional) continue;
      const kind = variable.valueFrom.secretKeyRef ? "Secret" : "ConfigMap";
      const target = find(kind, ref.name);
      const keys = { ...(target?.object.data ?? {}), ...(target?.object.stringData ?? {}) };
      if (!target) fail(`${at}: env ${variable.name} -> ${kind} ${ref.name} not found`);
      else if (!(ref.key in keys)) fail(`${at}: env ${variable.name} -> ${kind} ${ref.name} has no key ${ref.key}`);
      environment[variable.name] = `<${kind}>`;
    }

    if (object.kind === "Deployment") {
      if (c.livenessProbe?.httpGet?.path !== "/health/live") fail(`${at}: livenessProbe must GET /health/live`);
      if (c.readinessProbe?.httpGet?.path !== "/health/ready") fail(`${at}: readinessProbe must GET /health/ready`);
      if (environment.Ticketing__MigrateOnStartup !== "false") fail(`${at}: Ticketing__MigrateOnStartup must be "false" (the migration Job migrates)`);
      if (!environment.Ticketing__Services) fail(`${at}: Ticketing__Services must name the service`);
    }
  }
}

module.exports = { checkReferences };
