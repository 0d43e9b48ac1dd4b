package com.mcpportal.mcpserver.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.security.KeyStore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An https server on loopback that serves files for {@code audio_url} tests. Its certificate
 * (test resource {@code testsupport/audio-host.p12}) is for {@code audio.test}, {@code localhost}
 * and 127.0.0.1; {@link #trustingSocketFactory()} trusts exactly that certificate.
 */
public final class AudioHost implements AutoCloseable {

    public static final String HOST = "audio.test";
    private static final String PASSWORD = "changeit";

    private final WireMockServer server;

    private AudioHost() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()
                .keystorePath(keystore().toString()).keystoreType("PKCS12").keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD));
        server.start();
    }

    public static AudioHost start() {
        return new AudioHost();
    }

    /** An https URL on this host under the name {@link #HOST}, which a test resolver maps to loopback. */
    public String url(String path) {
        return "https://" + HOST + ":" + server.httpsPort() + path;
    }

    /** A plain http URL to the same server. */
    public String httpUrl(String path) {
        return "http://" + HOST + ":" + server.port() + path;
    }

    public int httpsPort() {
        return server.httpsPort();
    }

    public void serve(String path, String contentType, byte[] body) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** TLS that trusts the host's self-signed certificate and nothing else. */
    public static SSLSocketFactory trustingSocketFactory() {
        try (InputStream in = AudioHost.class.getResourceAsStream("/testsupport/audio-host.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static Path keystore() {
        try {
            URL resource = AudioHost.class.getResource("/testsupport/audio-host.p12");
            return Path.of(resource.toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
