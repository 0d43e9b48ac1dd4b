package com.mcpportal.mcpserver.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Random HTTP/1.1 requests against the server's surface, from a seeded {@link Random}: the same
 * seed gives the same requests. Every request is complete (a body never falls short of its declared
 * length, a chunked body always ends), so the server can always answer it at once.
 */
final class FuzzRequests {

    /**
     * One request as bytes; whether it was a HEAD (whose answer has no body); and the 5xx that
     * HTTP/1.1 prescribes for it, if any: 505 for another major version, 501 for an unknown
     * transfer coding or for CONNECT, which Tomcat does not implement (RFC 9112, 2.3 and 6.1;
     * RFC 9110, 15.6.2).
     */
    record FuzzRequest(byte[] bytes, boolean head, Set<Integer> protocolRefusals) {

        /** Whether the target is {@code *} (as in {@code OPTIONS *}), which Tomcat answers itself. */
        boolean asteriskForm() {
            String line = new String(bytes, 0, Math.min(40, bytes.length), StandardCharsets.ISO_8859_1);
            int space = line.indexOf(' ');
            return space > 0 && line.startsWith("*", space + 1);
        }

        /** The request with control characters shown, for a failure message. */
        String printable() {
            StringBuilder out = new StringBuilder();
            for (byte b : bytes) {
                int c = b & 0xff;
                if (out.length() > 1500) {
                    return out.append("… (").append(bytes.length).append(" bytes)").toString();
                }
                out.append(c == '\n' ? "\\n\n" : c == '\r' ? "\\r" : c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                        : String.format("\\x%02x", c));
            }
            return out.toString();
        }
    }

    private static final String[] PATHS = {"/mcp", "/mcp", "/mcp", "/message", "/sse", "/health", "/", "/nope",
            "/mcp/", "/MCP", "*", "/message?sessionId=%s"};
    private static final String[] METHODS = {"POST", "POST", "POST", "GET", "DELETE", "PUT", "PATCH", "HEAD",
            "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "post", "G\u00c9T", "GET /x"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json; charset=utf-8",
            "application/json; charset=utf-16", "application/JSON", "text/plain", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded", "application/json;;;", "", "*/*", "application/json\u0000"};
    private static final String[] ACCEPTS = {"application/json, text/event-stream", "application/json, text/event-stream",
            "application/json", "text/event-stream", "*/*", "", "text/html", "application/json, text/event-stream; q=0"};
    private static final String[] ORIGINS = {"https://app.example.com", "https://evil.example", "null", "http://localhost:1",
            "https://app.example.com.evil.example", "javascript:alert(1)"};
    private static final String[] HOSTS = {"127.0.0.1", "localhost:8080", "evil.example", "bad host", "[::1]", "",
            "127.0.0.1\u0000.evil"};
    private static final String[] INJECTIONS = {"\r\nX-Injected: 1", "\r\n X-Injected: folded", "\nX-Injected: bare-lf",
            "\rX-Injected: bare-cr", "%0d%0aX-Injected:%201", "\u0000", "\u00ff\u00fe", "\u2028X-Injected: 1"};

    private final Random random;
    private final String key;

    FuzzRequests(Random random, String key) {
        this.random = random;
        this.key = key;
    }

    FuzzRequest next() {
        String method = pick(METHODS);
        String target = target();
        boolean head = method.equals("HEAD");
        byte[] body = random.nextInt(5) == 0 ? null : body();
        StringBuilder headers = new StringBuilder();
        if (random.nextInt(12) != 0) {
            headers.append("Host: ").append(pick(HOSTS)).append("\r\n");
        }
        headers.append("Connection: close\r\n");
        switch (random.nextInt(6)) {
            case 0 -> { }
            case 1 -> headers.append("Authorization: Bearer wrong-").append(key).append("\r\n");
            case 2 -> headers.append("X-API-Key: ").append(key).append("\r\n");
            case 3 -> headers.append("Authorization: ").append(pick(new String[] {"Bearer", "Basic Zm9vOmJhcg==",
                    "Bearer " + key + "\t", "bearer " + key, "Bearer " + "k".repeat(9000)})).append("\r\n");
            default -> headers.append("Authorization: Bearer ").append(key).append("\r\n");
        }
        if (random.nextInt(4) != 0) {
            headers.append("Content-Type: ").append(pick(CONTENT_TYPES)).append("\r\n");
        }
        if (random.nextInt(4) != 0) {
            headers.append("Accept: ").append(pick(ACCEPTS)).append("\r\n");
        }
        if (random.nextInt(4) == 0) {
            headers.append("Mcp-Session-Id: ").append(pick(new String[] {"no-such-session", "../../etc/passwd",
                    "s".repeat(300), "%0d%0a", "\u00e9t\u00e9"})).append(maybeInjection()).append("\r\n");
        }
        if (random.nextInt(5) == 0) {
            headers.append("Origin: ").append(pick(ORIGINS)).append("\r\n");
        }
        if (random.nextInt(6) == 0) {
            headers.append("X-Forwarded-For: ").append(pick(new String[] {"10.0.0.1", "1.2.3.4, 5.6.7.8", "::1",
                    "not-an-address", "999.1.1.1", ",,,", "127.0.0.1" + "0".repeat(500)})).append("\r\n");
        }
        if (random.nextInt(5) == 0) {
            headers.append(pick(new String[] {"X-Test", "Mcp-Protocol-Version", "Last-Event-ID", "Bad Header", "NoColon",
                    "X\u0000Nul", "Expect", "Content-Encoding"})).append(": ").append("v").append(maybeInjection())
                    .append("\r\n");
        }
        if (random.nextInt(25) == 0) {
            headers.append("X-Long: ").append("a".repeat(10_000)).append("\r\n");
        }
        String version = random.nextInt(15) != 0 ? "HTTP/1.1"
                : pick(new String[] {"HTTP/1.0", "HTTP/2.0", "HTTP/1.1 extra", "HTTP/9", "http/1.1"});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, method + " " + target + " " + version + "\r\n");
        write(out, headers.toString());
        boolean unknownCoding = writeBody(out, body);
        Set<Integer> refusals = new HashSet<>();
        if (version.equals("HTTP/2.0") || version.equals("HTTP/9")) {
            refusals.add(505);
        }
        if (unknownCoding || method.equals("CONNECT")) {
            refusals.add(501);
        }
        return new FuzzRequest(out.toByteArray(), head, Set.copyOf(refusals));
    }

    private String target() {
        String path = String.format(pick(PATHS), "s" + random.nextInt(100));
        int mutations = random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            path = mutate(path);
        }
        return random.nextInt(20) == 0 ? "http://127.0.0.1" + path : path;
    }

    private String mutate(String path) {
        int at = path.isEmpty() ? 0 : random.nextInt(path.length());
        return switch (random.nextInt(14)) {
            case 0 -> path.replaceFirst("/mcp|/sse|/message|/health", "$0;x=" + random.nextInt(9));
            case 1 -> "/" + path;
            case 2 -> path.substring(0, at) + String.format(random.nextBoolean() ? "%%%02x" : "%%%02X", (int) path.charAt(at))
                    + path.substring(at + 1);
            case 3 -> "/./" + path.substring(1);
            case 4 -> "/x/.." + path;
            case 5 -> path + pick(new String[] {"%2f", "%2F", "%5c", "\\", "%00", "%", "%zz", "%c0%af", "%ff"});
            case 6 -> path + "?sessionId=" + pick(new String[] {"x", "%0d%0aX-Injected:%201", "&&&", "a".repeat(3000)});
            case 7 -> path + "/" + "x".repeat(random.nextInt(10_000));
            case 8 -> path + "\u00fc";
            case 9 -> path + "#frag";
            case 10 -> path.replace("/", "//");
            case 11 -> path + "/..";
            case 12 -> path.replace("mcp", "%6dcp");
            default -> path + ";jsessionid=" + random.nextInt(1000);
        };
    }

    private byte[] body() {
        String echo = "{\"jsonrpc\":\"2.0\",\"id\":%s,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}";
        String text = switch (random.nextInt(22)) {
            case 0, 1 -> initialize;
            case 2 -> String.format(echo, random.nextInt(100));
            case 3 -> String.format(echo, pick(new String[] {"null", "{}", "[1]", "\"x\"", "1e999", "-0", "true"}));
            case 4 -> "[" + initialize + "," + initialize + "]";
            case 5 -> "[]";
            case 6 -> "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
            case 7 -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}";
            case 8 -> "";
            case 9 -> pick(new String[] {"null", "1", "\"x\"", "true", "{}", "{\"jsonrpc\":\"1.0\"}"});
            case 10 -> initialize.substring(0, random.nextInt(initialize.length()));
            case 11 -> "[".repeat(2000) + "]".repeat(2000);
            case 12 -> "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
            case 13 -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"pad\":\"" + "x".repeat(5000) + "\"}}";
            case 14 -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7,\"params\":[1,2]}";
            case 15 -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"tools/list\",\"method\":\"ping\"}";
            case 16 -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + "\\u0000".repeat(50) + "\"}}";
            case 17 -> "\ufeff" + initialize;
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        if (random.nextBoolean() && bytes.length > 2) {
            bytes[0] = '{';
            bytes[1] = '"';
        }
        return bytes;
    }

    /** @return whether the request names a transfer coding other than chunked */
    private boolean writeBody(ByteArrayOutputStream out, byte[] body) {
        if (body == null) {
            write(out, "\r\n");
            return false;
        }
        switch (random.nextInt(8)) {
            case 0, 1 -> {
                write(out, "Transfer-Encoding: chunked\r\n\r\n");
                for (int from = 0; from < body.length; from += 1000) {
                    int length = Math.min(1000, body.length - from);
                    write(out, Integer.toHexString(length) + "\r\n");
                    out.write(body, from, length);
                    write(out, "\r\n");
                }
                write(out, "0\r\n\r\n");
            }
            case 2 -> write(out, "Transfer-Encoding: chunked\r\n\r\n" + pick(new String[] {"zz\r\nabc\r\n0\r\n\r\n",
                    "3\r\nabcdef\r\n0\r\n\r\n", "-1\r\n\r\n", "1;" + "e".repeat(9000) + "\r\na\r\n0\r\n\r\n"}));
            case 3 -> {
                String framing = pick(new String[] {"Content-Length: 5\r\nContent-Length: 6\r\n\r\n12345",
                        "Content-Length: -1\r\n\r\n", "Content-Length: abc\r\n\r\n",
                        "Content-Length: 99999999999999999999\r\n\r\n",
                        "Content-Length: 40\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "Transfer-Encoding: gzip\r\n\r\n",
                        "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", "Transfer-Encoding: identity\r\n\r\n"});
                write(out, framing);
                return framing.contains("gzip") || framing.contains("identity");
            }
            case 4 -> {
                // Declared shorter than sent: the rest is ignored (the connection closes after one request).
                write(out, "Content-Length: " + body.length / 2 + "\r\n\r\n");
                out.write(body, 0, body.length);
            }
            default -> {
                write(out, "Content-Length: " + body.length + "\r\n\r\n");
                out.write(body, 0, body.length);
            }
        }
        return false;
    }

    private String maybeInjection() {
        return random.nextInt(3) == 0 ? pick(INJECTIONS) : "";
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static void write(ByteArrayOutputStream out, String text) {
        // Latin-1 for the head (what HTTP/1.1 allows on the wire), so a non-ASCII character goes as one byte.
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes, 0, bytes.length);
    }
}
