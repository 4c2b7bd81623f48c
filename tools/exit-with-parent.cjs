// Preloaded by the test harness (node --require ./exit-with-parent.cjs ...): the emulator exits when its stdin closes,
// that is when the process that started it is gone, even if that process was killed before it could stop us.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
