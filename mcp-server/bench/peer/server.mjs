// The benchmark's peer: the Java server's tool list, served by the official MCP TypeScript SDK over Streamable
// HTTP, so bench/run.sh can measure both on the same machine. Never shipped; it has no tools behind the list
// (a tools/call answers a tool error), only what start-up, memory and tools/list cost.
//
//   PORT=8080 MCP_SERVER_API_KEY=... MCP_SERVER_STATELESS=true|false MCP_PEER_TOOLS=tools.json node server.mjs
//
// Like the Java server: API keys checked by the SHA-256 of the presented key (Authorization: Bearer or X-API-Key),
// /health open, bound to MCP_SERVER_BIND_ADDRESS (default 0.0.0.0, as the Java server), stateful sessions answering over SSE, stateless mode
// answering plain JSON from a fresh server per request (the SDK's way: a stateless transport serves one request).
// The low-level Server (no zod schemas to convert) keeps the peer as lean as the SDK allows.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.MCP_SERVER_BIND_ADDRESS ?? '0.0.0.0';
const stateless = process.env.MCP_SERVER_STATELESS === 'true';
const tools = JSON.parse(readFileSync(process.env.MCP_PEER_TOOLS ?? 'tools.json', 'utf8')).tools;
const digest = (key) => createHash('sha256').update(key, 'utf8').digest();
const accepted = [process.env.MCP_SERVER_API_KEY?.trim()].filter((k) => k).map(digest);
// As KeyRegistry.find: the presented key's digest against every accepted key's, each in constant time.
function isAccepted(key) {
    const presented = digest(key);
    return accepted.reduce((found, sha256) => timingSafeEqual(sha256, presented) || found, false);
}

function mcpServer() {
    const server = new Server({ name: 'ElevenLabs', version: 'peer' }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));
    server.setRequestHandler(CallToolRequestSchema, async (request) => ({
        isError: true,
        content: [{ type: 'text', text: `The peer has no tool behind ${request.params.name}` }],
    }));
    return server;
}

function presentedKey(req) {
    const authorization = req.headers.authorization;
    if (authorization && authorization.slice(0, 7).toLowerCase() === 'bearer ') {
        return authorization.slice(7).trim();
    }
    const apiKey = req.headers['x-api-key'];
    return apiKey && apiKey.trim() ? apiKey.trim() : null;
}

function error(res, status, message) {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

function readJson(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => {
            try {
                resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined);
            } catch (e) {
                reject(e);
            }
        });
        req.on('error', reject);
    });
}

const sessions = new Map();

async function handleMcp(req, res) {
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    if (stateless) {
        const server = mcpServer();
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
        res.on('close', () => {
            transport.close();
            server.close();
        });
        await server.connect(transport);
        await transport.handleRequest(req, res, body);
        return;
    }
    const id = req.headers['mcp-session-id'];
    let transport = id ? sessions.get(id) : undefined;
    if (!transport) {
        if (id || req.method !== 'POST' || body?.method !== 'initialize') {
            error(res, id ? 404 : 400, id ? 'Session not found' : 'Bad Request: no valid session ID');
            return;
        }
        transport = new StreamableHTTPServerTransport({
            sessionIdGenerator: () => randomUUID(),
            onsessioninitialized: (sessionId) => sessions.set(sessionId, transport),
        });
        transport.onclose = () => sessions.delete(transport.sessionId);
        await mcpServer().connect(transport);
    }
    await transport.handleRequest(req, res, body);
}

const http = createServer(async (req, res) => {
    try {
        const path = req.url.split('?')[0];
        if (path === '/health') {
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.end('{"status":"UP"}');
            return;
        }
        if (path !== '/mcp') {
            error(res, 404, 'Not found');
            return;
        }
        const key = presentedKey(req);
        if (!key || !isAccepted(key)) {
            res.setHeader('WWW-Authenticate', key ? 'Bearer realm="mcp-server", error="invalid_token"' : 'Bearer realm="mcp-server"');
            error(res, 401, key ? 'The API key is not valid' : 'An API key is required');
            return;
        }
        await handleMcp(req, res);
    } catch (e) {
        if (!res.headersSent) {
            error(res, e instanceof SyntaxError ? 400 : 500, e instanceof SyntaxError ? 'Parse error' : 'Internal error');
        }
    }
});
http.keepAliveTimeout = 75_000;
http.listen(port, host, () => {
    console.log(JSON.stringify({ event: 'started', port: http.address().port, stateless, tools: tools.length,
        startup_ms: Math.round(performance.now()) }));
});
process.on('SIGTERM', () => http.close(() => process.exit(0)));
