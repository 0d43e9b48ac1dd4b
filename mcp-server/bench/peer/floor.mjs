// Node's floor for bench/run.sh: node:http answering GET /health on PORT, and nothing else. What any HTTP service
// on this Node costs to start and to keep idle.
import { createServer } from 'node:http';

createServer((req, res) => {
    res.writeHead(req.url === '/health' ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end('{"status":"UP"}');
}).listen(Number(process.env.PORT), process.env.MCP_SERVER_BIND_ADDRESS);
