package com.mcpportal.mcpserver.tools;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 GET on a socket that is already connected to a vetted address. Small on purpose:
 * {@code java.net.http.HttpClient} resolves the host itself, which would undo the address check.
 */
final class HttpExchange {

    /** The body passed the size cap. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("too large");
        }
    }

    record Response(int status, Map<String, String> headers, byte[] body) {

        boolean isRedirect() {
            return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                    && location() != null;
        }

        @Nullable String location() {
            return headers.get("location");
        }

        String contentType() {
            String value = headers.getOrDefault("content-type", "");
            int semicolon = value.indexOf(';');
            return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        }
    }

    private static final int MAX_HEADER_BYTES = 32 * 1024;

    private final Socket socket;
    private final long deadline;
    private final long maxBytes;

    HttpExchange(Socket socket, long deadline, long maxBytes) {
        this.socket = socket;
        this.deadline = deadline;
        this.maxBytes = maxBytes;
    }

    static int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(remaining, Integer.MAX_VALUE);
    }

    Response get(URI uri, String host) throws IOException {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String hostHeader = (host.contains(":") ? "[" + host + "]" : host)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + target + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nUser-Agent: mcp-portal-elevenlabs-mcp\r\nAccept: audio/*, video/*, */*;q=0.5"
                + "\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new java.io.BufferedInputStream(new DeadlineStream(socket, deadline));
        int[] headerBytes = {0};
        String statusLine = line(in, headerBytes);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer");
        }
        int status = parseInt(parts[1]);
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in, headerBytes); !header.isEmpty(); header = line(in, headerBytes)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).strip());
            }
        }
        if (status != 200) {
            return new Response(status, headers, new byte[0]);
        }
        byte[] body;
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in, headerBytes);
        } else if (headers.containsKey("content-length")) {
            long length = parseInt(headers.get("content-length"));
            if (length > maxBytes) {
                throw new TooLargeException();
            }
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new IOException("connection closed before the whole file arrived");
            }
        } else {
            body = capped(in);
        }
        return new Response(status, headers, body);
    }

    private byte[] chunked(InputStream in, int[] headerBytes) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in, headerBytes);
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            if (body.size() + size > maxBytes) {
                throw new TooLargeException();
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length != size) {
                throw new IOException("connection closed inside a chunk");
            }
            body.write(chunk);
            line(in, headerBytes);
        }
    }

    private byte[] capped(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (body.size() + n > maxBytes) {
                throw new TooLargeException();
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static String line(InputStream in, int[] headerBytes) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed early");
            }
            if (++headerBytes[0] > MAX_HEADER_BYTES) {
                throw new IOException("headers too long");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static int parseInt(String text) throws IOException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IOException("malformed number in the answer");
        }
    }

    /** Gives every read only the time left before the deadline, so a trickling server cannot stall us. */
    private static final class DeadlineStream extends FilterInputStream {
        private final Socket socket;
        private final long deadline;

        DeadlineStream(Socket socket, long deadline) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return super.read(b, off, len);
        }
    }
}
