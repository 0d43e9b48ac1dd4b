package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.log.JsonLog;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Downloads an {@code audio_url} without letting a tool call reach private networks: https only,
 * every DNS answer checked against {@link AddressPolicy}, the connection made to the address that
 * was checked (so a second DNS answer cannot swap it, "DNS rebinding"), each redirect checked the
 * same way, a size cap and an overall deadline.
 */
final class SafeDownloader {

    /** Resolves host names; tests map names to chosen addresses. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A downloaded file: bytes, the server's Content-Type (may be empty) and the URL's file name. */
    record Download(byte[] data, String contentType, String fileName) {
    }

    private static final int MAX_REDIRECTS = 3;

    private final AddressPolicy policy;
    private final Resolver resolver;
    private final Supplier<SSLSocketFactory> tls;
    private final boolean allowPlainHttp;
    private final long maxBytes;
    private final Duration timeout;

    SafeDownloader(AddressPolicy policy, Resolver resolver, Supplier<SSLSocketFactory> tls, boolean allowPlainHttp,
                   long maxBytes, Duration timeout) {
        this.policy = policy;
        this.resolver = resolver;
        this.tls = tls;
        this.allowPlainHttp = allowPlainHttp;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** Production defaults: https, public addresses, system DNS and trust store. */
    static SafeDownloader standard(long maxBytes, Duration timeout) {
        // The default TLS context loads the trust store: only pay for it when a URL is fetched.
        return new SafeDownloader(AddressPolicy.publicOnly(), InetAddress::getAllByName,
                () -> (SSLSocketFactory) SSLSocketFactory.getDefault(), false, maxBytes, timeout);
    }

    long maxBytes() {
        return maxBytes;
    }

    Download fetch(String parameter, String url) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = parse(parameter, url);
        for (int redirects = 0; ; redirects++) {
            HttpExchange.Response response = exchange(parameter, uri, deadline);
            if (response.isRedirect()) {
                if (redirects >= MAX_REDIRECTS) {
                    throw new ToolInputException("'" + parameter + "' redirected more than " + MAX_REDIRECTS
                            + " times.");
                }
                uri = parse(parameter, uri.resolve(response.location()).toString());
                continue;
            }
            if (response.status() != 200) {
                throw new ToolInputException("'" + parameter + "' answered HTTP " + response.status()
                        + " instead of the file.");
            }
            return new Download(response.body(), response.contentType(), fileName(uri));
        }
    }

    private URI parse(String parameter, String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ToolInputException("'" + parameter + "' is not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            throw new ToolInputException("'" + parameter + "' must be an https:// URL (was " + url + ").");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new ToolInputException("'" + parameter + "' must name a host and no user name: " + url);
        }
        return uri;
    }

    private HttpExchange.Response exchange(String parameter, URI uri, long deadline) {
        String host = bare(uri.getHost());
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            JsonLog.info("download_refused", "host", host, "reason", "does not resolve");
            throw noPublicAddress(parameter, host);
        }
        for (InetAddress address : addresses) {
            String refusal = policy.refusal(address);
            if (refusal != null) {
                // The operator may see what the name resolved to; the client may not (it would map private DNS).
                JsonLog.info("download_refused", "host", host, "reason", refusal, "address", address.getHostAddress());
                throw noPublicAddress(parameter, host);
            }
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        IOException last = null;
        for (InetAddress address : addresses) {
            try (Socket socket = connect(address, port, host, https, deadline)) {
                return new HttpExchange(socket, deadline, maxBytes).get(uri, host);
            } catch (HttpExchange.TooLargeException e) {
                throw new ToolInputException("'" + parameter + "' is larger than the " + maxBytes / (1024 * 1024)
                        + " MB limit.");
            } catch (SocketTimeoutException e) {
                throw new ToolInputException("'" + parameter + "' did not finish downloading within "
                        + timeout.toSeconds() + " s.");
            } catch (IOException e) {
                last = e;
            }
        }
        throw new ToolInputException("'" + parameter + "' could not be downloaded: "
                + (last == null ? "no address" : last.getMessage()));
    }

    /**
     * The one refusal for a host that does not resolve and for one that resolves to an address that
     * is not allowed: which address, what kind of address, or whether the name exists at all would
     * let a client map the private network's DNS.
     */
    private static ToolInputException noPublicAddress(String parameter, String host) {
        return new ToolInputException("'" + parameter + "' is refused: " + host + " has no public address."
                + " Only public https URLs can be downloaded.");
    }

    private Socket connect(InetAddress address, int port, String host, boolean https, long deadline)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), HttpExchange.remainingMillis(deadline));
            if (!https) {
                return socket;
            }
            SSLSocket ssl = (SSLSocket) tls.get().createSocket(socket, host, port, true);
            SSLParameters parameters = ssl.getSSLParameters();
            // Verify the certificate against the URL's host even though we dialled an address.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!isLiteral(host)) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            ssl.setSSLParameters(parameters);
            ssl.setSoTimeout(HttpExchange.remainingMillis(deadline));
            ssl.startHandshake();
            return ssl;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return last.isEmpty() || last.startsWith(".") ? "download" : last;
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
