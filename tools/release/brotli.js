// Writes FILE.br beside FILE at the highest brotli quality, using Node's
// own zlib so no extra tool is needed.
const fs = require("fs");
const zlib = require("zlib");

const file = process.argv[2];
const compressed = zlib.brotliCompressSync(fs.readFileSync(file), {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
});
fs.writeFileSync(file + ".br", compressed);
