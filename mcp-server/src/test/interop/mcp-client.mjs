// Connects to the MCP server with the official TypeScript SDK client, lists the tools and calls
// one, then prints one JSON line: {"serverName", "tools", "result"} or {"error"} (exit code 1).
//
//   node mcp-client.mjs <streamable|sse> <url> <api key or -> <tool> '<arguments JSON>'
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

const [transportName, url, key, tool, argumentsJson] = process.argv.slice(2);
const headers = key && key !== '-' ? { Authorization: `Bearer ${key}` } : {};
const options = { requestInit: { headers } };
const transport = transportName === 'sse'
    ? new SSEClientTransport(new URL(url), options)
    : new StreamableHTTPClientTransport(new URL(url), options);
const client = new Client({ name: 'interop-test', version: '1.0.0' });

try {
    await client.connect(transport);
    const tools = (await client.listTools()).tools.map((t) => t.name);
    const result = tool
        ? await client.callTool({ name: tool, arguments: JSON.parse(argumentsJson ?? '{}') })
        : null;
    console.log(JSON.stringify({ serverName: client.getServerVersion()?.name, tools, result }));
    await client.close();
    process.exit(0);
} catch (error) {
    console.log(JSON.stringify({ error: String(error?.message ?? error), code: error?.code ?? null }));
    process.exit(1);
}
