// Formats HCL files with @cdktf/hcl-tools (hclwrite.Format, the formatter `terraform fmt` is built on) and prints one
// JSON object: for each file given, the text it formats to. The terraform checks compare it with the file as committed.
// Usage: node hcl-format.mjs <file.tf>...
import { readFile } from "node:fs/promises";
import { format } from "@cdktf/hcl-tools";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("Usage: node hcl-format.mjs <file.tf>...");
  process.exit(2);
}

const result = {};
for (const file of files) {
  result[file] = await format(await readFile(file, "utf8"));
}

process.stdout.write(JSON.stringify(result));
