package com.mcpportal.mcpserver.mcp;

import com.mcpportal.mcpserver.http.HttpServer;
import com.mcpportal.mcpserver.http.HttpSettings;
import com.mcpportal.mcpserver.http.RequestRecord;
import com.mcpportal.mcpserver.tools.ToolDefinition;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * The SDK servers and servlets for each transport, all offering the same tools: Streamable HTTP
 * on {@code /mcp} (stateful, or stateless), legacy HTTP+SSE on {@code /sse}, and stdio.
 */
public final class McpEndpoints {

    /** Name and version MCP clients see in {@code initialize}. */
    public static final McpSchema.Implementation SERVER_INFO = McpSchema.Implementation.builder(
            "ElevenLabs", version()).build();

    private static final McpSchema.ServerCapabilities CAPABILITIES =
            McpSchema.ServerCapabilities.builder().tools(false).build();

    private final HttpServlet mcpServlet;
    private final HttpServlet sseServlet;

    private McpEndpoints(HttpServlet mcpServlet, HttpServlet sseServlet) {
        this.mcpServlet = mcpServlet;
        this.sseServlet = sseServlet;
    }

    /** Servlets for {@code /mcp} and {@code /sse} + {@code /message}; their lifecycle follows the container's. */
    public static McpEndpoints forHttp(List<ToolDefinition> tools, HttpSettings settings) {
        McpJsonMapper mapper = new ResponseOutcomes(new ToolListJsonCache(sharedMapper()));
        LazySchemaValidator schemas = new LazySchemaValidator();
        DefaultServerTransportSecurityValidator headers = DefaultServerTransportSecurityValidator.builder()
                .allowedOrigins(settings.allowedOrigins())
                .allowedHosts(settings.allowedHosts())
                .build();
        McpTransportContextExtractor<HttpServletRequest> context = McpEndpoints::transportContext;
        HttpServlet mcp;
        if (settings.stateless()) {
            HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                    .jsonMapper(mapper).messageEndpoint(HttpServer.MCP_PATH).contextExtractor(context)
                    .httpHeaderValidator(headers).maxRequestSize(settings.maxRequestBytes()).build();
            McpServer.sync(transport).serverInfo(SERVER_INFO).capabilities(CAPABILITIES)
                    .tools(ToolAdapter.stateless(tools)).immediateExecution(true)
                    .requestTimeout(settings.requestTimeout()).jsonMapper(mapper).jsonSchemaValidator(schemas).build();
            mcp = transport;
        } else {
            HttpServletStreamableServerTransportProvider provider = HttpServletStreamableServerTransportProvider
                    .builder().jsonMapper(mapper).mcpEndpoint(HttpServer.MCP_PATH).contextExtractor(context)
                    .httpHeaderValidator(headers).maxRequestSize(settings.maxRequestBytes()).build();
            McpServer.sync(provider).serverInfo(SERVER_INFO).capabilities(CAPABILITIES)
                    .tools(ToolAdapter.stateful(tools)).immediateExecution(true)
                    .requestTimeout(settings.requestTimeout()).jsonMapper(mapper).jsonSchemaValidator(schemas).build();
            mcp = provider;
        }
        HttpServletSseServerTransportProvider sse = HttpServletSseServerTransportProvider.builder()
                .jsonMapper(mapper).sseEndpoint(HttpServer.SSE_PATH).messageEndpoint(HttpServer.MESSAGE_PATH)
                .contextExtractor(context).httpHeaderValidator(headers)
                .maxRequestSize(settings.maxRequestBytes()).build();
        McpServer.sync(sse).serverInfo(SERVER_INFO).capabilities(CAPABILITIES)
                .tools(ToolAdapter.stateful(tools)).immediateExecution(true)
                .requestTimeout(settings.requestTimeout()).jsonMapper(mapper).jsonSchemaValidator(schemas).build();
        return new McpEndpoints(mcp, sse);
    }

    /** Serves the tools over stdin/stdout until stdin closes; no authentication, like the official server. */
    public static void serveStdio(List<ToolDefinition> tools) {
        McpJsonMapper mapper = sharedMapper();
        McpServer.sync(new StdioServerTransportProvider(mapper)).serverInfo(SERVER_INFO)
                .capabilities(CAPABILITIES).tools(ToolAdapter.stateful(tools)).jsonMapper(mapper)
                .jsonSchemaValidator(new LazySchemaValidator()).build();
    }

    /** Loads the JSON mapper ahead of time, so a caller can overlap it with other start-up work. */
    public static void preload() {
        JsonMapper.shared();
    }

    /**
     * Jackson's shared mapper, which the rest of the server uses too; the SDK's own default would be the same
     * mapper found through a service-loader scan of every jar.
     */
    private static McpJsonMapper sharedMapper() {
        return new JacksonMcpJsonMapper(JsonMapper.shared());
    }

    public HttpServlet mcpServlet() {
        return mcpServlet;
    }

    public HttpServlet sseServlet() {
        return sseServlet;
    }

    private static McpTransportContext transportContext(HttpServletRequest request) {
        Object record = request.getAttribute(RequestRecord.ATTRIBUTE);
        return record == null ? McpTransportContext.EMPTY
                : McpTransportContext.create(Map.of(RequestRecord.ATTRIBUTE, record));
    }

    private static String version() {
        String version = McpEndpoints.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
