import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;

/**
 * The JVM's floor for bench/run.sh: the JDK's own HTTP server answering {@code GET /health} on {@code PORT}, and
 * nothing else. What any HTTP service on this JVM and these flags costs to start and to keep idle.
 */
public final class Floor {

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(System.getenv("MCP_SERVER_BIND_ADDRESS"),
                Integer.parseInt(System.getenv("PORT"))), 0);
        byte[] body = "{\"status\":\"UP\"}".getBytes();
        server.createContext("/health", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
