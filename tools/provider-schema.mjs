// Prints the AWS provider's schema for the resource and data source types given, read out of the generated bindings of
// @cdktf/provider-aws (pinned in package.json), so the terraform checks (tests/Unbundled.Terraform.Tests) can check every
// argument and nested block without a terraform binary or the provider plugin.
//
// For each type the bindings have a directory (aws_lb_listener -> lib/lb-listener, data aws_partition ->
// lib/data-aws-partition, the provider itself -> lib/provider). Its index.d.ts declares one interface per object: the
// type's Config and one per nested block, each argument documented with its terraform name and marked optional with '?'.
// Its index.js says which of those objects are blocks (isBlock) rather than attributes of object type.
//
// Usage: node provider-schema.mjs [resource:TYPE | data:TYPE | provider]...
// Output: {"provider": {name, version}, "resource": {TYPE: SCHEMA}, "data": {TYPE: SCHEMA}, "unknown": ["resource:TYPE"]}
// where SCHEMA = {"attributes": {NAME: {"required": bool}}, "blocks": {NAME: {"required": bool, "block": bool, ...SCHEMA}}}.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve("@cdktf/provider-aws/package.json"));
const packageJson = JSON.parse(await readFile(join(packageRoot, "package.json"), "utf8"));

const result = { provider: packageJson.cdktf.provider, resource: {}, data: {}, unknown: [] };
for (const argument of process.argv.slice(2)) {
  const [kind, type] = argument === "provider" ? ["provider", "aws"] : argument.split(":");
  const schema = await schemaOf(kind, type);
  if (schema === null) {
    result.unknown.push(argument);
  } else if (kind === "provider") {
    result.provider.schema = schema;
  } else {
    result[kind][type] = schema;
  }
}

process.stdout.write(JSON.stringify(result));

async function schemaOf(kind, type) {
  const directory = join(packageRoot, "lib", directoryOf(kind, type));
  const declarations = await readSources(directory, ".d.ts");
  if (declarations === null || !declarations.includes(`tfResourceType = "${type}";`)) {
    return null;
  }

  const interfaces = parseInterfaces(declarations);
  const blockFlags = parseBlockFlags(await readSources(directory, ".js"));
  const root = kind === "provider" ? "AwsProviderConfig" : /^export interface (\w+) extends cdktf\.TerraformMetaArguments/m.exec(declarations)[1];
  return describe(interfaces, blockFlags, root);
}

function directoryOf(kind, type) {
  const name = type.replace(/^aws_/, "").replaceAll("_", "-");
  return kind === "provider" ? "provider" : kind === "data" ? `data-aws-${name}` : name;
}

// The bindings of the largest types are split over index.d.ts and files under index-structs/.
async function readSources(directory, extension) {
  try {
    const entries = await readdir(directory, { recursive: true });
    const files = entries.filter((entry) => entry.endsWith(extension) && (extension !== ".js" || !entry.endsWith(".d.ts")));
    return (await Promise.all(files.map((file) => readFile(join(directory, file), "utf8")))).join("\n");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}

// interface name -> [{name, required, type}], name being the terraform name from the member's registry link.
function parseInterfaces(text) {
  const interfaces = new Map();
  let current = null;
  let pendingName = null;
  for (const line of text.split("\n")) {
    const start = /^export interface (\w+)/.exec(line);
    if (start) {
      current = [];
      interfaces.set(start[1], current);
      continue;
    }
    if (current === null) continue;
    if (line.startsWith("}")) {
      current = null;
      continue;
    }
    const link = /\{@link https:\/\/registry\.terraform\.io\/\S+#(\w+) \S+\}/.exec(line);
    if (link) pendingName = link[1];
    const member = /^ {4}readonly (\w+)(\?)?: ([\w.]*)/.exec(line);
    if (member && pendingName !== null) {
      current.push({ name: pendingName, required: member[2] === undefined, type: member[3] });
      pendingName = null;
    }
  }
  return interfaces;
}

// "interface name:terraform name" -> whether that member is a nested block, from each object's ...ToHclTerraform.
function parseBlockFlags(text) {
  const flags = new Map();
  const chunks = text.split(/\n(?=function \w+ToHclTerraform\(struct\) \{|    synthesizeHclAttributes\(\) \{)/);
  for (const chunk of chunks) {
    const owner = /^function (\w+)ToHclTerraform/.exec(chunk)?.[1];
    const name = owner ? owner[0].toUpperCase() + owner.slice(1) : "#root";
    for (const match of chunk.matchAll(/^\s+(\w+): \{\n\s+value: [^\n]*\n\s+isBlock: (true|false),/gm)) {
      flags.set(`${name}:${match[1]}`, match[2] === "true");
    }
  }
  return flags;
}

function describe(interfaces, blockFlags, name, seen = new Set()) {
  const schema = { attributes: {}, blocks: {} };
  for (const member of interfaces.get(name) ?? []) {
    const nested = interfaces.has(member.type) && !seen.has(member.type);
    if (!nested) {
      schema.attributes[member.name] = { required: member.required };
      continue;
    }
    const owner = seen.size === 0 ? "#root" : name;
    const block = blockFlags.get(`${owner}:${member.name}`) ?? true;
    schema.blocks[member.name] = {
      required: member.required,
      block,
      ...describe(interfaces, blockFlags, member.type, new Set([...seen, member.type])),
    };
  }
  return schema;
}
