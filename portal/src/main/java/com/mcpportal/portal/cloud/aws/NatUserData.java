package com.mcpportal.portal.cloud.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The NAT instance's first-boot script. It turns on IP forwarding and masquerades the VPC's
 * traffic out of the default interface, from a systemd unit and a sysctl file so both come back
 * after every reboot and stop/start (cloud-init runs user data only once). nftables is installed
 * if the minimal image lacks it; iptables is used where it is already present.
 */
final class NatUserData {

    private static final String TEMPLATE = """
            #!/bin/bash
            # mcp-portal NAT instance: forward and masquerade traffic from the VPC (%1$s).
            set -euo pipefail
            echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-mcp-portal-nat.conf
            sysctl -q -p /etc/sysctl.d/90-mcp-portal-nat.conf
            if ! command -v nft >/dev/null 2>&1 && ! command -v iptables >/dev/null 2>&1; then
              dnf install -y -q nftables
            fi
            cat > /usr/local/sbin/mcp-portal-nat <<'SCRIPT'
            #!/bin/bash
            set -eu
            iface=$(ip -4 route show default | awk '{print $5; exit}')
            sysctl -q -w net.ipv4.ip_forward=1
            if command -v nft >/dev/null 2>&1; then
              nft delete table ip mcp_portal_nat 2>/dev/null || true
              nft add table ip mcp_portal_nat
              nft add chain ip mcp_portal_nat postrouting '{ type nat hook postrouting priority srcnat; policy accept; }'
              nft add rule ip mcp_portal_nat postrouting oifname "$iface" ip saddr %1$s masquerade
            else
              iptables -t nat -C POSTROUTING -o "$iface" -s %1$s -j MASQUERADE 2>/dev/null \\
                || iptables -t nat -A POSTROUTING -o "$iface" -s %1$s -j MASQUERADE
            fi
            SCRIPT
            chmod 0755 /usr/local/sbin/mcp-portal-nat
            cat > /etc/systemd/system/mcp-portal-nat.service <<'UNIT'
            [Unit]
            Description=mcp-portal NAT masquerade for the VPC
            Wants=network-online.target
            After=network-online.target
            [Service]
            Type=oneshot
            RemainAfterExit=yes
            ExecStart=/usr/local/sbin/mcp-portal-nat
            [Install]
            WantedBy=multi-user.target
            UNIT
            systemctl daemon-reload
            systemctl enable --now mcp-portal-nat.service
            """;

    private NatUserData() {
    }

    static String script(String vpcCidr) {
        if (!vpcCidr.matches("[0-9./]+")) {
            throw new IllegalArgumentException("Not a CIDR: " + vpcCidr);
        }
        return TEMPLATE.formatted(vpcCidr);
    }

    /** Base64, as RunInstances takes it. */
    static String encoded(String vpcCidr) {
        return Base64.getEncoder().encodeToString(script(vpcCidr).getBytes(StandardCharsets.UTF_8));
    }
}
