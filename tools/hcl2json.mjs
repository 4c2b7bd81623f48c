// Parses HCL files with @cdktf/hcl2json and prints one JSON object: for each file given, {"json": <parsed>} or
// {"error": "<why it does not parse>"}. The terraform checks (tests/Unbundled.Terraform.Tests) read it, since the machines
// that run them have no terraform binary.
// Usage: node hcl2json.mjs <file.tf>...
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import hcl2json from "@cdktf/hcl2json";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("Usage: node hcl2json.mjs <file.tf>...");
  process.exit(2);
}

const result = {};
for (const file of files) {
  try {
    result[file] = { json: await hcl2json.parse(basename(file), await readFile(file, "utf8")) };
  } catch (error) {
    result[file] = { error: String(error?.message ?? error) };
  }
}

process.stdout.write(JSON.stringify(result));
