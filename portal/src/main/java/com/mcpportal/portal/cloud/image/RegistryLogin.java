package com.mcpportal.portal.cloud.image;

import java.util.Objects;

/** Basic credentials for a registry, e.g. ECR's {@code AWS} and its 12-hour token. Never logged. */
public record RegistryLogin(String username, String password) {

    public RegistryLogin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "RegistryLogin[" + username + ", password hidden]";
    }
}
