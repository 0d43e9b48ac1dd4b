package com.mcpportal.portal.notification;

import java.net.URI;

import com.mcpportal.portal.cloud.secret.SecretCipher;

import org.springframework.stereotype.Component;

/**
 * Seals and opens a channel's webhook URL (its path is a bearer token: whoever has it may post to the team's chat)
 * and a generic webhook's signing secret. Each is bound to its channel and purpose, so a sealed value copied to
 * another row or column does not open.
 */
@Component
class ChannelSecrets {

    private final SecretCipher cipher;
    private final ChannelStore channels;

    ChannelSecrets(SecretCipher cipher, ChannelStore channels) {
        this.cipher = cipher;
        this.channels = channels;
    }

    void storeUrl(long channelId, URI url) {
        channels.sealUrl(channelId, cipher.encrypt(url.toString(), context(channelId, "url")), endpoint(url));
    }

    void storeSecret(long channelId, String secret) {
        channels.sealSecret(channelId, cipher.encrypt(secret, context(channelId, "signing-secret")));
    }

    URI url(long channelId) throws DeliveryFailure {
        String sealed = channels.sealedUrl(channelId).orElseThrow(() -> new DeliveryFailure("The channel has no URL."));
        return URI.create(open(sealed, context(channelId, "url")));
    }

    String secret(long channelId) throws DeliveryFailure {
        String sealed = channels.sealedSecret(channelId)
                .orElseThrow(() -> new DeliveryFailure("The channel has no signing secret."));
        return open(sealed, context(channelId, "signing-secret"));
    }

    /** Scheme, host and port: what the page may show of a URL whose path is a secret. */
    static String endpoint(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private String open(String sealed, String context) throws DeliveryFailure {
        try {
            return cipher.decrypt(sealed, context);
        } catch (IllegalStateException unreadable) {
            throw new DeliveryFailure(unreadable.getMessage());
        }
    }

    private static String context(long channelId, String what) {
        return "notification-channel:" + channelId + ":" + what;
    }
}
