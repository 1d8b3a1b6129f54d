// kinesalite's own CLI listens on every address; this starts it on loopback only.
// Usage: node kinesalite_server.js PORT
const kinesalite = require('kinesalite');
const port = Number(process.argv[2]);
kinesalite({createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0}).listen(port, '127.0.0.1');
