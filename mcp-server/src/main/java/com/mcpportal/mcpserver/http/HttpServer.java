package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.Env;
import com.mcpportal.mcpserver.auth.ApiKeyAuthenticator;
import com.mcpportal.mcpserver.auth.AuthSettings;
import com.mcpportal.mcpserver.auth.ClientAddresses;
import com.mcpportal.mcpserver.auth.FailureThrottle;
import com.mcpportal.mcpserver.auth.KeyRegistry;
import com.mcpportal.mcpserver.log.JsonLog;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.modeler.Registry;

import java.io.File;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The embedded Tomcat that serves MCP over HTTP: filters for logging, access and body checks in
 * front of the SDK's servlets, JSON for every error, and a graceful stop.
 */
public final class HttpServer {

    public static final String HEALTH_PATH = "/health";
    public static final String MCP_PATH = "/mcp";
    public static final String SSE_PATH = "/sse";
    public static final String MESSAGE_PATH = "/message";

    private final Tomcat tomcat;
    private final Connector connector;
    private final HttpSettings settings;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();

    private HttpServer(HttpSettings settings) {
        this.settings = settings;
        // No JMX MBeans: they cost start-up time and nobody reads them in a Fargate task.
        Registry.disableRegistry();
        this.tomcat = new Tomcat();
        File baseDir = new File(System.getProperty("java.io.tmpdir"), "mcp-server-" + ProcessHandle.current().pid());
        tomcat.setBaseDir(baseDir.getAbsolutePath());
        // The protocol's own setters: Connector.setProperty and setPort go through reflection.
        Http11NioProtocol protocol = new Http11NioProtocol();
        protocol.setPort(settings.port());
        protocol.setAddress(bindAddress(settings.bindAddress()));
        protocol.setMaxThreads(settings.maxThreads());
        protocol.setMinSpareThreads(2);
        protocol.setConnectionTimeout(20_000);
        // Longer than the idle timeouts of the proxies in front, so they never reuse a closed socket.
        protocol.setKeepAliveTimeout(75_000);
        protocol.setMaxKeepAliveRequests(-1);
        this.connector = new Connector(protocol);
        connector.setXpoweredBy(false);
        // An encoded slash or backslash, or a backslash, in a path is refused with 400 before any
        // routing, so no filter has to reason about them (RouteFilter refuses the other spellings).
        connector.setEncodedSolidusHandling("reject");
        connector.setEncodedReverseSolidusHandling("reject");
        connector.setAllowBackslash(false);
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        ((StandardHost) tomcat.getHost()).setErrorReportValveClass(JsonErrorReportValve.class.getName());
    }

    /**
     * Starts serving.
     *
     * @param registry   accepted keys; ignored when auth is disabled
     * @param metrics    per-request metrics for each request line, or {@code null} when they are off
     * @param mcpServlet the SDK servlet for {@code /mcp} (Streamable HTTP, stateful or stateless)
     * @param sseServlet the SDK servlet for {@code /sse} and {@code /message}
     */
    public static HttpServer start(HttpSettings settings, AuthSettings auth, KeyRegistry registry, @Nullable EmfMetrics metrics,
            Clock clock, HttpServlet mcpServlet, HttpServlet sseServlet) {
        HttpServer server = new HttpServer(settings);
        StandardContext context = server.newContext();
        context.setClearReferencesRmiTargets(false);
        context.setClearReferencesThreadLocals(false);
        ApiKeyAuthenticator authenticator = auth.disabled() ? null
                : new ApiKeyAuthenticator(registry, auth.environmentId().orElse(null), clock);
        addFilter(context, "log", new RequestLogFilter(server.inFlight, metrics));
        addFilter(context, "route", new RouteFilter(Map.of(HEALTH_PATH, List.of("GET", "HEAD"),
                MCP_PATH, settings.stateless() ? List.of("POST") : List.of("GET", "POST", "DELETE"),
                SSE_PATH, List.of("GET"), MESSAGE_PATH, List.of("POST"))));
        addFilter(context, "access", new AccessFilter(new ClientAddresses(auth.trustedProxies()),
                auth.allowedCidrs(), new FailureThrottle(auth.maxFailures(), auth.failureWindow(), clock),
                authenticator, auth.refresh()));
        addFilter(context, "guard", new JsonRpcGuardFilter(settings.maxRequestBytes(), Set.of(MCP_PATH, MESSAGE_PATH)));
        addServlet(context, "health", StatusServlet.health(server.stopping::get, registry::stale), HEALTH_PATH);
        addServlet(context, "mcp", mcpServlet, MCP_PATH);
        addServlet(context, "sse", sseServlet, SSE_PATH, MESSAGE_PATH);
        addServlet(context, "notFound", StatusServlet.notFound(), "/");
        try {
            server.tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot start the HTTP server", e);
        }
        if (server.connector.getLocalPort() < 0) {
            server.stop();
            throw new IllegalArgumentException("PORT " + settings.port() + " on " + settings.bindAddress()
                    + " cannot be bound (in use, or not allowed)");
        }
        return server;
    }

    /**
     * The root context, as {@code Tomcat.addContext} makes it but for what a server of fixed filters and servlets
     * does not need: no annotation scan of its classes, no login configuration with its authenticator valve, and
     * no HTTP sessions (see {@link NoSessionManager}).
     */
    private StandardContext newContext() {
        StandardContext context = new StandardContext();
        context.setName("");
        context.setPath("");
        context.setManager(new NoSessionManager());
        context.addLifecycleListener(event -> {
            if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                context.setConfigured(true);
            }
        });
        // Plain embedded use: no web-app class loading or leak hunting at stop (no redeploys here).
        context.setDelegate(true);
        tomcat.getHost().addChild(context);
        return context;
    }

    private static InetAddress bindAddress(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            // Tomcat, given the name as a property, logged this and bound to every address instead.
            throw Env.invalid("MCP_SERVER_BIND_ADDRESS", "\"" + address + "\" cannot be resolved to an address");
        }
    }

    private static void addFilter(Context context, String name, Filter filter) {
        FilterDef definition = new FilterDef();
        definition.setFilterName(name);
        definition.setFilter(filter);
        definition.setAsyncSupported("true");
        context.addFilterDef(definition);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName(name);
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
    }

    private static void addServlet(Context context, String name, HttpServlet servlet, String... paths) {
        Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
        wrapper.setAsyncSupported(true);
        wrapper.setLoadOnStartup(1);
        for (String path : paths) {
            context.addServletMappingDecoded(path, name);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Stops accepting connections, lets in-flight requests finish for up to the grace period, then
     * closes the MCP sessions and the container. Safe to call more than once.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        JsonLog.info("shutdown_started", "in_flight", inFlight.get());
        connector.pause();
        connector.getProtocolHandler().closeServerSocketGraceful();
        long deadline = start + settings.shutdownGrace().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int abandoned = inFlight.get();
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            JsonLog.warn("shutdown_problem", "error", e.toString());
        }
        JsonLog.info("shutdown_complete", "abandoned_requests", abandoned,
                "duration_ms", (System.nanoTime() - start) / 1_000_000);
    }
}
