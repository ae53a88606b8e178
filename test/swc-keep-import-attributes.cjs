// @swc/core as ts-node's transpiler for the tests (tsconfig.json "ts-node"), keeping import attributes: ts-node's
// swc options drop `with { type: 'json' }`, and Node refuses a JSON import without it. swc transpiles each file
// in about a tenth of TypeScript's time; every test file is its own process and transpiles all it imports.
const swc = require('@swc/core');

function keepAttributes(options = {}) {
  const jsc = options.jsc ?? {};
  return { ...options, jsc: { ...jsc, experimental: { ...jsc.experimental, keepImportAttributes: true } } };
}

module.exports = {
  ...swc,
  transformSync: (input, options) => swc.transformSync(input, keepAttributes(options)),
  transform: (input, options) => swc.transform(input, keepAttributes(options)),
};
