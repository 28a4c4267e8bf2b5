// One device for the system tests (SocketIoIT): the real npm socket.io-client, driven over stdin/stdout.
// Usage: node device.js <gatewayUrl> '<options JSON for io()>'
// stdin, one JSON per line:  {"emit": "event", "data": {...}, "ack": 7}   (ack: an id -> an acknowledgement is asked)
//                            {"close": true}
// stdout, one JSON per line: {"type": "open", "transport"} | {"type": "connect", "id", "transport"}
//                            {"type": "upgrade", "transport"}
//                            {"type": "event", "event", "data"} | {"type": "ack", "ack", "data"}
//                            {"type": "connect_error", "message", "data"} | {"type": "disconnect", "reason"}
const { io } = require("socket.io-client");
const readline = require("readline");

const url = process.argv[2];
const options = JSON.parse(process.argv[3] || "{}");
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

const socket = io(url, Object.assign({ reconnection: false, timeout: 10000 }, options));
// "open": the Engine.IO handshake (its first transport); "upgrade": the switch to another transport
socket.io.on("open", () => {
  const engine = socket.io.engine;
  out({ type: "open", transport: engine.transport.name });
  engine.on("upgrade", (transport) => out({ type: "upgrade", transport: transport.name }));
});
socket.on("connect", () => out({ type: "connect", id: socket.id, transport: socket.io.engine.transport.name }));
socket.on("connect_error", (err) => out({ type: "connect_error", message: err.message, data: err.data || null }));
socket.on("disconnect", (reason) => out({ type: "disconnect", reason }));
socket.onAny((event, data) => out({ type: "event", event, data }));

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (!line.trim()) return;
  const command = JSON.parse(line);
  if (command.close) {
    socket.close();
    setTimeout(() => process.exit(0), 100);
  } else if (command.ack !== undefined && command.ack !== null) {
    socket.emit(command.emit, command.data, (answer) => out({ type: "ack", ack: command.ack, data: answer }));
  } else {
    socket.emit(command.emit, command.data);
  }
});
process.stdin.on("end", () => { socket.close(); setTimeout(() => process.exit(0), 100); });
