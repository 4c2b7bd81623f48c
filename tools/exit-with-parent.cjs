// Preloaded into every stand-in (node --require ./exit-with-parent.cjs ...) by src/Unbundled.LocalAws, for the tests and
// --shell aws-local: the emulator exits when its stdin closes, that is when the process that started it stops it or is
// gone, even if that process was killed before it could stop us. Both emulators write every change through to their
// data folder, so exiting at once loses nothing.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
