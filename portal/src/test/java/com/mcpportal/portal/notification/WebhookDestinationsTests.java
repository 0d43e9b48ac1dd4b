package com.mcpportal.portal.notification;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team owner's webhook URL cannot reach the instance metadata service, nor (by default) the portal's own ports. */
class WebhookDestinationsTests {

    @Test
    void theInstanceMetadataServiceIsRefusedByAddressInBothFamiliesWhateverTheSetting() {
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "http://[fd00:ec2::254]/latest/api/token", "http://169.254.170.2/v2/credentials", "http://[fe80::1]/"}) {
            assertThatThrownBy(() -> WebhookDestinations.check(URI.create(url), true, "the endpoint")).as(url)
                    .isInstanceOf(DeliveryFailure.class).hasMessageContaining("link-local");
        }
    }

    @Test
    void thisMachineIsRefusedByNameOrAddressUnlessAllowed() {
        for (String url : new String[] {"http://127.0.0.1:8080/actuator/prometheus", "http://localhost:9090/",
                "http://[::1]/", "http://0.0.0.0:8080/"}) {
            assertThatThrownBy(() -> WebhookDestinations.check(URI.create(url), false, "the endpoint")).as(url)
                    .isInstanceOf(DeliveryFailure.class).hasMessageContaining("this machine itself");
        }
        assertThatCode(() -> WebhookDestinations.check(URI.create("http://127.0.0.1:8089/hook"), true, "the endpoint"))
                .doesNotThrowAnyException();
    }

    @Test
    void aReceiverOnTheTeamsInternalNetworkIsAllowed() {
        assertThatCode(() -> WebhookDestinations.check(URI.create("https://10.20.30.40/hooks/portal"), false,
                "the endpoint")).doesNotThrowAnyException();
        assertThatCode(() -> WebhookDestinations.check(URI.create("https://192.168.1.5:8443/x"), false,
                "the endpoint")).doesNotThrowAnyException();
    }
}
