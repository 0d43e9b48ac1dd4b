package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.testsupport.AudioHost;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocketFactory;
import java.net.InetAddress;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeDownloaderTests {

    static AudioHost host;
    SafeDownloader downloader;

    @BeforeAll
    static void startHost() {
        host = AudioHost.start();
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    @BeforeEach
    void setUp() {
        host.wireMock().resetAll();
        downloader = downloader(AddressPolicy.publicOnlyExcept(ToolHarness.loopback()), AudioHost::trustingSocketFactory,
                1024 * 1024, ToolHarness.TIMEOUT);
    }

    @Test
    void downloadsOverHttpsVerifyingTheCertificateForTheUrlsHost() {
        host.serve("/a/voice.mp3", "audio/mpeg", FakeElevenLabs.mp3(3));

        SafeDownloader.Download download = downloader.fetch("audio_url", host.url("/a/voice.mp3?sig=1"));

        assertThat(download.data()).isEqualTo(FakeElevenLabs.mp3(3));
        assertThat(download.contentType()).isEqualTo("audio/mpeg");
        assertThat(download.fileName()).isEqualTo("voice.mp3");
        assertThat(host.wireMock().getAllServeEvents().get(0).getRequest().getHeader("Host"))
                .isEqualTo("audio.test:" + host.httpsPort());
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        host.serve("/x.mp3", "audio/mpeg", FakeElevenLabs.mp3(1));
        SafeDownloader other = new SafeDownloader(AddressPolicy.publicOnlyExcept(ToolHarness.loopback()),
                h -> new InetAddress[] {ToolHarness.loopback()}, AudioHost::trustingSocketFactory, false, 1024,
                ToolHarness.TIMEOUT);

        assertThatThrownBy(() -> other.fetch("audio_url", "https://evil.test:" + host.httpsPort() + "/x.mp3"))
                .isInstanceOf(ToolInputException.class).hasMessageContaining("could not be downloaded");
    }

    @Test
    void anUntrustedCertificateIsRefusedByTheDefaultTrustStore() {
        host.serve("/x.mp3", "audio/mpeg", FakeElevenLabs.mp3(1));
        SafeDownloader standardTls = downloader(AddressPolicy.publicOnlyExcept(ToolHarness.loopback()),
                () -> (SSLSocketFactory) SSLSocketFactory.getDefault(), 1024, ToolHarness.TIMEOUT);

        assertThatThrownBy(() -> standardTls.fetch("audio_url", host.url("/x.mp3")))
                .isInstanceOf(ToolInputException.class).hasMessageContaining("could not be downloaded");
    }

    @Test
    void onlyHttpsIsAccepted() {
        for (String url : new String[] {host.httpUrl("/x.mp3"), "ftp://audio.test/x.mp3", "file:///etc/passwd",
                "gopher://audio.test/", "//audio.test/x.mp3"}) {
            assertThatThrownBy(() -> downloader.fetch("audio_url", url)).as(url)
                    .isInstanceOf(ToolInputException.class).hasMessageContaining("must be an https:// URL");
        }
        assertThat(host.wireMock().getAllServeEvents()).isEmpty();
    }

    @Test
    void privateLoopbackAndMetadataAddressesAreRefusedBeforeConnectingWithoutSayingWhichAddress() {
        SafeDownloader production = downloader(AddressPolicy.publicOnly(), AudioHost::trustingSocketFactory, 1024,
                ToolHarness.TIMEOUT);

        assertRefusedWithoutAddress(production, host.url("/x.mp3"), "audio.test");
        assertRefusedWithoutAddress(production, "https://metadata.test/latest/meta-data/", "metadata.test");
        assertRefusedWithoutAddress(production, "https://private.test/a.mp3", "private.test");
        assertRefusedWithoutAddress(production, "https://[::1]/a.mp3", "::1");
        assertRefusedWithoutAddress(production, "https://0.0.0.0/a.mp3", "0.0.0.0");
        assertRefusedWithoutAddress(production, "https://224.0.0.1/a.mp3", "224.0.0.1");
        assertThat(host.wireMock().getAllServeEvents()).isEmpty();
    }

    @Test
    void aPrivateNameCannotBeToldFromOneThatDoesNotResolve() {
        SafeDownloader production = downloader(AddressPolicy.publicOnly(), AudioHost::trustingSocketFactory, 1024,
                ToolHarness.TIMEOUT);

        assertRefusedWithoutAddress(production, "https://private.test/a.mp3", "private.test");
        assertRefusedWithoutAddress(production, "https://nowhere.test/a.mp3", "nowhere.test");
    }

    @Test
    void aHostWithOnePrivateAddressAmongPublicOnesIsRefused() {
        SafeDownloader mixed = new SafeDownloader(AddressPolicy.publicOnly(), h -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.0.10")},
                AudioHost::trustingSocketFactory, false, 1024, ToolHarness.TIMEOUT);

        assertRefusedWithoutAddress(mixed, "https://rebind.test/a.mp3", "rebind.test");
    }

    /** The refusal names the host the client gave and nothing it resolved to: no address, no kind of address. */
    private static void assertRefusedWithoutAddress(SafeDownloader downloader, String url, String host) {
        assertThatThrownBy(() -> downloader.fetch("audio_url", url)).as(url).isInstanceOf(ToolInputException.class)
                .hasMessage("'audio_url' is refused: " + host + " has no public address."
                        + " Only public https URLs can be downloaded.");
    }

    @Test
    void redirectsAreFollowedOnlyToAllowedAddresses() {
        host.serve("/final.mp3", "audio/mpeg", FakeElevenLabs.mp3(2));
        host.wireMock().stubFor(get(urlPathEqualTo("/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/final.mp3")));
        host.wireMock().stubFor(get(urlPathEqualTo("/to-metadata")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://169.254.169.254/latest/meta-data/iam/")));
        host.wireMock().stubFor(get(urlPathEqualTo("/to-http")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", host.httpUrl("/final.mp3"))));

        assertThat(downloader.fetch("audio_url", host.url("/moved")).data()).isEqualTo(FakeElevenLabs.mp3(2));
        assertRefusedWithoutAddress(downloader, host.url("/to-metadata"), "169.254.169.254");
        assertThatThrownBy(() -> downloader.fetch("audio_url", host.url("/to-http")))
                .hasMessageContaining("must be an https:// URL");
    }

    @Test
    void redirectLoopsEnd() {
        host.wireMock().stubFor(get(urlPathEqualTo("/loop")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/loop")));

        assertThatThrownBy(() -> downloader.fetch("audio_url", host.url("/loop")))
                .hasMessageContaining("redirected more than 3 times");
    }

    @Test
    void filesLargerThanTheCapAreRefusedWhetherOrNotTheLengthIsAnnounced() {
        host.serve("/big.mp3", "audio/mpeg", new byte[2048]);
        host.wireMock().stubFor(get(urlPathEqualTo("/chunked.mp3")).willReturn(aResponse().withStatus(200)
                .withHeader("Transfer-Encoding", "chunked").withBody(new byte[2048])));
        SafeDownloader small = downloader(AddressPolicy.publicOnlyExcept(ToolHarness.loopback()),
                AudioHost::trustingSocketFactory, 1024, ToolHarness.TIMEOUT);

        assertThatThrownBy(() -> small.fetch("audio_url", host.url("/big.mp3"))).hasMessageContaining("larger than");
        assertThatThrownBy(() -> small.fetch("audio_url", host.url("/chunked.mp3"))).hasMessageContaining("larger than");
    }

    @Test
    void chunkedAnswersAreReassembled() {
        host.wireMock().stubFor(get(urlPathEqualTo("/chunked.mp3")).willReturn(aResponse().withStatus(200)
                .withHeader("Transfer-Encoding", "chunked").withBody(FakeElevenLabs.mp3(4))));

        assertThat(downloader.fetch("audio_url", host.url("/chunked.mp3")).data()).isEqualTo(FakeElevenLabs.mp3(4));
    }

    @Test
    void aSlowServerHitsTheDeadline() {
        host.wireMock().stubFor(get(urlPathEqualTo("/slow.mp3")).willReturn(aResponse().withStatus(200)
                .withBody(FakeElevenLabs.mp3(1)).withFixedDelay(3000)));
        SafeDownloader impatient = downloader(AddressPolicy.publicOnlyExcept(ToolHarness.loopback()),
                AudioHost::trustingSocketFactory, 1024 * 1024, Duration.ofMillis(700));

        assertThatThrownBy(() -> impatient.fetch("audio_url", host.url("/slow.mp3")))
                .hasMessageContaining("did not finish downloading within");
    }

    @Test
    void errorStatusesAndUnknownHostsAreClearErrors() {
        assertThatThrownBy(() -> downloader.fetch("audio_url", host.url("/missing.mp3")))
                .hasMessage("'audio_url' answered HTTP 404 instead of the file.");
        assertThatThrownBy(() -> downloader.fetch("audio_url", "https://user:pw@audio.test/a.mp3"))
                .hasMessageContaining("no user name");
    }

    private static SafeDownloader downloader(AddressPolicy policy, java.util.function.Supplier<SSLSocketFactory> tls, long maxBytes, Duration timeout) {
        return new SafeDownloader(policy, ToolHarness::resolve, tls, false, maxBytes, timeout);
    }
}
