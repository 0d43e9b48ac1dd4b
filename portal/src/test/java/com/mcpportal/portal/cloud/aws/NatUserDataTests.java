package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NatUserDataTests {

    @Test
    void forwardsAndMasqueradesTheVpcAndSurvivesReboots() {
        String script = NatUserData.script("10.0.0.0/16");

        assertThat(script).startsWith("#!/bin/bash\n")
                .contains("echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-mcp-portal-nat.conf")
                .contains("ip saddr 10.0.0.0/16 masquerade")
                .contains("-s 10.0.0.0/16 -j MASQUERADE")
                .contains("WantedBy=multi-user.target")
                .contains("systemctl enable --now mcp-portal-nat.service")
                .doesNotContain("%1$s");
    }

    @Test
    void refusesAnythingButACidr() {
        assertThatThrownBy(() -> NatUserData.script("10.0.0.0/16; rm -rf /"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
